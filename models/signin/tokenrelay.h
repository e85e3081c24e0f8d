#pragma once

#include "remote/tokensource.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace sl {

class SignedInTokenSource;
struct SharedAccessToken;

// Hands the tokens of a SignedInTokenSource (which lives on the GUI thread,
// or the CLI's main thread, with its transport and clock) to syncs running
// on threads of their own. The access token is copied into a shared,
// locked slot whenever the source refreshes (also its own refresh ahead of
// expiry); a sync's 401 asks the source for a refresh on the source's
// thread and hears the outcome back on the sync's thread. Lives on the
// source's thread; the source must outlive the syncs it serves.
class TokenRelay : public QObject
{
    Q_OBJECT

public:
    using Factory = std::function<std::unique_ptr<TokenSource>()>;

    explicit TokenRelay(SignedInTokenSource &source, QObject *parent = nullptr);
    ~TokenRelay() override;

    // Call on the source's thread; the factory it gives is called on a
    // sync's thread (its run()) and makes that thread's TokenSource.
    Factory factory();

private:
    QPointer<SignedInTokenSource> m_source;
    std::shared_ptr<SharedAccessToken> m_token;
};

} // namespace sl
