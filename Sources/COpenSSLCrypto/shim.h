#ifndef CANDOR_OPENSSL_SHIM_H
#define CANDOR_OPENSSL_SHIM_H
#include <openssl/evp.h>
#endif
