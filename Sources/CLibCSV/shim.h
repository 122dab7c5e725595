#ifndef CANDOR_CLIBCSV_SHIM_H
#define CANDOR_CLIBCSV_SHIM_H
#include <csv.h>
#endif
