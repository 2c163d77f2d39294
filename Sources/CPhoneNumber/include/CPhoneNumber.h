#ifndef KITH_CPHONENUMBER_H
#define KITH_CPHONENUMBER_H
#ifdef __cplusplus
extern "C" {
#endif
// Placeholder until the normalization issue lands.
int kith_phone_placeholder(void);
#ifdef __cplusplus
}
#endif
#endif
