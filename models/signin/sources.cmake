# Sources of models/signin (paths relative to models/): signing in to the
# asset store (OAuth 2.0 device code flow) and keeping the refresh token in
# the operating system's keychain.
target_sources(sightline_models PRIVATE
    signin/signinlimits.h
    signin/signinsettings.cpp signin/signinsettings.h
    signin/environmenturl.cpp signin/environmenturl.h
    signin/signinanswers.cpp signin/signinanswers.h
    signin/devicecodesignin.cpp signin/devicecodesignin.h
    signin/secretstore.h
    signin/keychainsecretstore.cpp signin/keychainsecretstore.h
    signin/signedintokensource.cpp signin/signedintokensource.h
    signin/tokenrelay.cpp signin/tokenrelay.h
)
