#include "compare/comparechooserdialog.h"

#include "compare/comparecandidates.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl {

namespace {

constexpr int kIdRole = Qt::UserRole;

} // namespace

CompareChooserDialog::CompareChooserDialog(const CaptureRecord &selected, const std::vector<CaptureRecord> &partners,
                                           const QString &defaultPartnerId, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("compareChooserDialog"));
    setWindowTitle(tr("Compare with"));
    auto *label = new QLabel(tr("Compare %1 with:").arg(describe(selected)), this);
    label->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("comparePartnerList"));
    for (const CaptureRecord &record : partners) {
        auto *item = new QListWidgetItem(describe(record), m_list);
        item->setData(kIdRole, record.id);
        if (record.id == defaultPartnerId)
            m_list->setCurrentItem(item);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    m_list->setFocus();
}

QString CompareChooserDialog::chosenId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

QString CompareChooserDialog::describe(const CaptureRecord &record)
{
    const std::optional<QDateTime> at = CompareCandidates::capturedTime(record.capturedAt);
    const QString date = at ? QLocale().toString(at->toLocalTime(), QLocale::ShortFormat) : record.capturedAt;
    const QString type = record.mediaType == MediaType::Video ? tr("Video") : tr("Photo");
    if (record.manifest.capturedBy.isEmpty())
        //: A capture in Compare: type and date.
        return tr("%1 of %2").arg(type, date);
    //: A capture in Compare: type, date and who took it.
    return tr("%1 of %2 by %3").arg(type, date, record.manifest.capturedBy);
}

} // namespace sl
