#ifndef CANDOR_CLIBCSV_SHIM_H
#define CANDOR_CLIBCSV_SHIM_H
#include <csv.h>
/* The tokenizer reads csv_parser's pstate, quoted, entry_pos and spaces, which libcsv 3.0.3
   documents only in libcsv.c. CandorIngest names them (LibCSVParserState.swift), and
   LibCSVBehaviourTests pins the behaviour it relies on. */
#endif
