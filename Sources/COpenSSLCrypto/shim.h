#ifndef CANDOR_OPENSSL_SHIM_H
#define CANDOR_OPENSSL_SHIM_H
// Candor calls libcrypto's one-shot SHA-256 functions rather than the EVP interface. EVP fetches
// its digest through OpenSSL 3's provider machinery, which loads the configuration and the default
// provider: about 2 MiB more resident memory in every run, for the same SHA-NI code. The direct
// functions are deprecated since 3.0 but still shipped; this keeps their declarations free of the
// deprecation attribute so every call site does not warn.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
