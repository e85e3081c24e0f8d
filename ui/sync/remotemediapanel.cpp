#include "sync/remotemediapanel.h"

#include "uitext.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl {

RemoteMediaPanel::RemoteMediaPanel(MediaType type, const QString &capturedAt, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("remoteMediaPanel"));
    auto *title = new QLabel(type == MediaType::Video
                                 ? tr("This video (%1) is on the asset store and not on this computer yet.")
                                 : tr("This photo (%1) is on the asset store and not on this computer yet."),
                             this);
    title->setText(title->text().arg(UiText::captureDate(capturedAt)));
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    m_fetch = new QPushButton(tr("Fetch from the asset store"), this);
    m_fetch->setObjectName(QStringLiteral("fetchMediaButton"));
    m_fetch->setToolTip(tr("Downloads the photos and videos of this asset into the media cache with the next sync"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("fetchStatus"));
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(m_fetch, 0, Qt::AlignHCenter);
    layout->addWidget(m_status);
    layout->addStretch(1);
    connect(m_fetch, &QPushButton::clicked, this, &RemoteMediaPanel::fetchRequested);
}

void RemoteMediaPanel::setFetching(bool fetching)
{
    m_fetching = fetching;
    m_fetch->setEnabled(!fetching);
    m_status->setText(fetching ? tr("Fetching…") : QString());
}

void RemoteMediaPanel::setFailed(const QString &why)
{
    if (m_removed)
        return; // the notice stays
    m_fetching = false;
    m_fetch->setEnabled(true);
    m_status->setText(tr("Not fetched: %1").arg(why));
}

void RemoteMediaPanel::showRemoved(const QString &notice)
{
    m_removed = true;
    m_fetching = false;
    m_fetch->setEnabled(false);
    m_fetch->hide();
    m_status->setText(notice);
}

QString RemoteMediaPanel::statusText() const
{
    return m_status->text();
}

} // namespace sl
