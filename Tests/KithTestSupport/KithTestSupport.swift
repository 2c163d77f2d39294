enum KithTestSupport {}
