# Tests of models/signin. The loopback ones run the real CurlTransport
# against the fake store's sign-in endpoints (tests/support/fakestore/fakesignin).
sl_add_test(tst_signinanswers LABEL core SOURCES signin/tst_signinanswers.cpp)
sl_add_test(tst_devicecodesignin LABEL integration SOURCES signin/tst_devicecodesignin.cpp signin/signinloop.h LIBS sightline_fakestore)
sl_add_test(tst_signedintokensource LABEL integration SOURCES signin/tst_signedintokensource.cpp signin/signinloop.h LIBS sightline_fakestore)
sl_add_test(tst_keychainsecretstore LABEL core SOURCES signin/tst_keychainsecretstore.cpp)
sl_add_test(tst_environmenturl LABEL core SOURCES signin/tst_environmenturl.cpp)
sl_add_test(tst_tokenrelay LABEL integration SOURCES signin/tst_tokenrelay.cpp signin/signinloop.h LIBS sightline_fakestore)
# Against a real Secret Service: gnome-keyring on a private session bus
# (tests/support/secretservicesession), checked with libsecret's secret-tool.
sl_add_test(tst_keychainsecretservice LABEL core SOURCES signin/tst_keychainsecretservice.cpp)
