// libFuzzer's driver, for a program with a main() of its own: `-sanitize=fuzzer` links it in
// (compiler-rt's libclang_rt.fuzzer); see https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
