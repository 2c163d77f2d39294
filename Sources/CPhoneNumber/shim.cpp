#include "CPhoneNumber.h"
extern "C" int kith_phone_placeholder(void) { return 0; }
