#include "sync/conflictdialog.h"

#include "editing/assetfield.h"
#include "store/assetrepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace sl {

namespace {
enum Column { FieldColumn, BaseColumn, MineColumn, TheirsColumn, KeepColumn, ValueColumn, ColumnCount };

// A field's value as a reviewer reads it: text as is, numbers and the rest as JSON.
QString shown(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return ConflictDialog::tr("(empty)");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact)).left(200);
}
// The field as the user reads it; the key where no label is known.
QString fieldLabel(const QString &entity, const QString &key)
{
    if (entity == QLatin1String("capture")) {
        if (key == QLatin1String("sl_reviewstatus"))
            return ConflictDialog::tr("Review status");
        if (key == QLatin1String("sl_reviewnote"))
            return ConflictDialog::tr("Review note");
        if (key == QLatin1String("sl_manifest"))
            return ConflictDialog::tr("Markup (manifest)");
        return key;
    }
    const std::optional<AssetField> field = enumFromName(kAssetFieldKeys, key);
    return field ? assetFieldLabel(*field) : key;
}
} // namespace

ConflictDialog::ConflictDialog(StoreWorker &store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Sync conflicts"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These fields were changed here and in the asset store since the last sync. "
                                "Choose for each which value to keep."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_recordBox = new QComboBox(this);
    layout->addWidget(m_recordBox);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Base"), tr("Mine"), tr("Theirs"), tr("Keep"), tr("Value")});
    m_table->verticalHeader()->hide();
    // Field names and the choice as wide as they need; the values share the rest.
    for (int column = 0; column < ColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(
            column, column == FieldColumn || column == KeepColumn ? QHeaderView::ResizeToContents : QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_table, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_resolve = buttons->addButton(tr("&Resolve"), QDialogButtonBox::ApplyRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_resolve, &QPushButton::clicked, this, &ConflictDialog::resolve);
    connect(m_recordBox, &QComboBox::currentIndexChanged, this, [this] { fillFields(); });
    resize(820, 300);
    reload();
}

void ConflictDialog::reload()
{
    std::function<std::vector<Record>(Workspace &)> job = [](Workspace &workspace) {
        std::vector<Record> records;
        std::map<qint64, size_t> bySeq;
        AssetRepository assets(workspace.database());
        for (SyncConflict &conflict : SyncConflictRepository(workspace.database()).all()) {
            auto [it, added] = bySeq.try_emplace(conflict.outboxSeq, records.size());
            if (added) {
                Record record{conflict.outboxSeq, conflict.entity, conflict.entityId, {}, {}};
                if (conflict.entity == QLatin1String("asset")) {
                    const std::optional<Asset> asset = assets.byId(conflict.entityId);
                    record.title = tr("Asset %1").arg(asset ? asset->name : conflict.entityId);
                } else {
                    record.title = tr("Capture %1").arg(conflict.entityId);
                }
                records.push_back(std::move(record));
            }
            records[it->second].fields.push_back(std::move(conflict));
        }
        return records;
    };
    m_store.post<std::vector<Record>>(this, std::move(job), [this](StoreResult<std::vector<Record>> result) {
        if (!result.ok()) {
            m_status->setText(result.error);
            showRecords({});
            return;
        }
        showRecords(*result.value);
    });
}

void ConflictDialog::showRecords(const std::vector<Record> &records)
{
    const qint64 shownSeq = m_recordBox->currentIndex() >= 0 && size_t(m_recordBox->currentIndex()) < m_records.size()
                                ? m_records[size_t(m_recordBox->currentIndex())].outboxSeq
                                : 0;
    m_records = records;
    const QSignalBlocker block(m_recordBox);
    m_recordBox->clear();
    int keepIndex = 0;
    for (size_t i = 0; i < m_records.size(); ++i) {
        const int fields = int(m_records[i].fields.size());
        m_recordBox->addItem(fields == 1 ? tr("%1: 1 field in conflict").arg(m_records[i].title)
                                         : tr("%1: %2 fields in conflict").arg(m_records[i].title).arg(fields));
        if (m_records[i].outboxSeq == shownSeq)
            keepIndex = int(i);
    }
    m_recordBox->setCurrentIndex(m_records.empty() ? -1 : keepIndex);
    fillFields();
    if (m_records.empty() && m_status->text().isEmpty())
        m_status->setText(tr("No conflicts: every edit went to the asset store or waits to be pushed."));
    Q_EMIT loaded(int(m_records.size()));
}

void ConflictDialog::fillFields()
{
    m_table->setRowCount(0);
    const int index = m_recordBox->currentIndex();
    m_resolve->setEnabled(index >= 0);
    if (index < 0 || size_t(index) >= m_records.size())
        return;
    const Record &record = m_records[size_t(index)];
    m_table->setRowCount(int(record.fields.size()));
    for (int row = 0; row < int(record.fields.size()); ++row) {
        const FieldConflict &field = record.fields[size_t(row)].field;
        const QString values[] = {fieldLabel(record.entity, field.field), shown(field.base), shown(field.mine), shown(field.theirs)};
        for (int column = 0; column < 4; ++column) {
            auto *item = new QTableWidgetItem(values[column]);
            if (column == FieldColumn)
                item->setData(Qt::UserRole, field.field);
            item->setToolTip(values[column]);
            m_table->setItem(row, column, item);
        }
        auto *keep = new QComboBox(m_table);
        keep->addItem(tr("Mine"), int(Keep::Mine));
        keep->addItem(tr("Theirs"), int(Keep::Theirs));
        if (SyncConflictSettlement::editable(record.entity, field.field))
            keep->addItem(tr("Edit"), int(Keep::Typed));
        m_table->setCellWidget(row, KeepColumn, keep);
        auto *value = new QLineEdit(shown(field.mine), m_table);
        value->setEnabled(false);
        m_table->setCellWidget(row, ValueColumn, value);
        connect(keep, &QComboBox::currentIndexChanged, this, [this, row] { onKeepChanged(row); });
    }
    m_table->resizeRowsToContents();
}

void ConflictDialog::onKeepChanged(int row)
{
    auto *keep = qobject_cast<QComboBox *>(m_table->cellWidget(row, KeepColumn));
    auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
    if (keep && value)
        value->setEnabled(Keep(keep->currentData().toInt()) == Keep::Typed);
}

int ConflictDialog::recordCount() const { return int(m_records.size()); }
int ConflictDialog::fieldCount() const { return m_table->rowCount(); }

QString ConflictDialog::fieldAt(int row) const
{
    const QTableWidgetItem *item = m_table->item(row, FieldColumn);
    return item ? item->data(Qt::UserRole).toString() : QString();
}
QString ConflictDialog::statusText() const { return m_status->text(); }

void ConflictDialog::showRecord(int index) { m_recordBox->setCurrentIndex(index); }

void ConflictDialog::choose(int row, Keep keep, const QString &typed)
{
    auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, KeepColumn));
    auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
    if (!box || !value)
        return;
    box->setCurrentIndex(box->findData(int(keep)));
    if (keep == Keep::Typed)
        value->setText(typed);
}

void ConflictDialog::resolve()
{
    const int index = m_recordBox->currentIndex();
    if (index < 0 || size_t(index) >= m_records.size())
        return;
    const Record &record = m_records[size_t(index)];
    std::vector<SyncConflictSettlement::Choice> choices;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *box = qobject_cast<QComboBox *>(m_table->cellWidget(row, KeepColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ValueColumn));
        SyncConflictSettlement::Choice choice{record.fields[size_t(row)].field.field, Keep(box->currentData().toInt()), {}};
        if (choice.keep == Keep::Typed) {
            QString error;
            const std::optional<QJsonValue> typed = SyncConflictSettlement::parseTyped(record.entity, choice.field, value->text(), &error);
            if (!typed) {
                m_status->setText(error);
                Q_EMIT resolved(false);
                return;
            }
            choice.typed = *typed;
        }
        choices.push_back(std::move(choice));
    }
    m_resolve->setEnabled(false);
    m_status->setText(tr("Resolving…"));
    const qint64 seq = record.outboxSeq;
    std::function<QString(Workspace &)> job = [seq, choices](Workspace &workspace) {
        QString error;
        SyncConflictSettlement(workspace.database()).settle(seq, choices, &error);
        return error;
    };
    m_store.post<QString>(this, std::move(job), [this](StoreResult<QString> result) {
        const QString error = result.ok() ? *result.value : result.error;
        m_status->setText(error.isEmpty() ? tr("Resolved; the next sync sends what is left to send.") : error);
        reload();
        Q_EMIT resolved(error.isEmpty());
    });
}

} // namespace sl
