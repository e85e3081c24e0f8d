#include "signin/tokenrelay.h"

#include "signin/signedintokensource.h"

#include <QMetaObject>
#include <QMutex>

namespace sl {

// The access token as the source last had it; read from any thread.
struct SharedAccessToken
{
    QByteArray get() const
    {
        QMutexLocker lock(&mutex);
        return token;
    }
    void set(const QByteArray &value)
    {
        QMutexLocker lock(&mutex);
        token = value;
    }

    mutable QMutex mutex;
    QByteArray token;
};

namespace {

// The TokenSource on a sync's thread: a QObject there, so that the outcome
// of a refresh done on the source's thread comes back to this one.
class RelayedTokenSource : public QObject, public TokenSource
{
public:
    RelayedTokenSource(QPointer<SignedInTokenSource> source, std::shared_ptr<SharedAccessToken> token)
        : m_source(std::move(source)), m_token(std::move(token))
    {
    }

    QByteArray accessToken() const override { return m_token->get(); }

    void refresh(RefreshDone done) override
    {
        QPointer<RelayedTokenSource> self(this);
        const QPointer<SignedInTokenSource> source = m_source;
        const bool posted = source && QMetaObject::invokeMethod(
            source.data(),
            [source, token = m_token, self, done] {
                if (!source)
                    return;
                source->refresh([source, token, self, done](TokenRefresh outcome) {
                    if (outcome == TokenRefresh::Refreshed && source)
                        token->set(source->accessToken());
                    if (self)
                        QMetaObject::invokeMethod(self.data(), [done, outcome] { done(outcome); }, Qt::QueuedConnection);
                });
            },
            Qt::QueuedConnection);
        if (!posted)
            done(TokenRefresh::Refused); // signed out and gone: nothing can refresh
    }

private:
    QPointer<SignedInTokenSource> m_source;
    std::shared_ptr<SharedAccessToken> m_token;
};

} // namespace

TokenRelay::TokenRelay(SignedInTokenSource &source, QObject *parent)
    : QObject(parent), m_source(&source), m_token(std::make_shared<SharedAccessToken>())
{
    m_token->set(source.accessToken());
    connect(&source, &SignedInTokenSource::refreshed, this, [this] {
        if (m_source)
            m_token->set(m_source->accessToken());
    });
}

TokenRelay::~TokenRelay() = default;

TokenRelay::Factory TokenRelay::factory()
{
    // On the source's thread: the token as it is now (a sign-in sets it without a refresh).
    if (m_source)
        m_token->set(m_source->accessToken());
    return [source = m_source, token = m_token]() -> std::unique_ptr<TokenSource> {
        return std::make_unique<RelayedTokenSource>(source, token);
    };
}

} // namespace sl
