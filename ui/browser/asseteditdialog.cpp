#include "browser/asseteditdialog.h"

#include "editing/assetfieldparser.h"
#include "editing/assetvalidator.h"
#include "store/assetdetails.h"
#include "store/assetrepository.h"
#include "store/storeworker.h"
#include "store/workspace.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <array>
#include <cmath>

namespace sl {

AssetEditDialog::AssetEditDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("assetEditDialog"));
    setWindowTitle(tr("New asset"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields.insert(QStringLiteral("name"), nullptr);
    form->addRow(tr("&Name:"), addField(QStringLiteral("name"), tr("Name"), tr("Required, at most 100 characters")));
    form->addRow(tr("Asset &tag:"), addField(QStringLiteral("tag"), tr("Asset tag"), tr("e.g. AT-001002")));
    form->addRow(tr("&Account:"), addField(QStringLiteral("account"), tr("Account"), tr("An account's name")));
    form->addRow(tr("&Product:"), addField(QStringLiteral("product"), tr("Product"), tr("A product's name")));
    form->addRow(tr("&Category:"), addField(QStringLiteral("category"), tr("Category"), tr("A category's name")));
    form->addRow(tr("Pa&rent asset:"),
                 addField(QStringLiteral("parent"), tr("Parent asset"), tr("An asset's name or id; empty: top level")));
    form->addRow(tr("&Latitude:"), addField(QStringLiteral("latitude"), tr("Latitude"), tr("Degrees, −90 to 90")));
    form->addRow(tr("L&ongitude:"), addField(QStringLiteral("longitude"), tr("Longitude"), tr("Degrees, −180 to 180")));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("assetEditProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AssetEditDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);
    updateState();
}

QLineEdit *AssetEditDialog::addField(const QString &key, const QString &label, const QString &hint)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(key + QStringLiteral("Edit"));
    edit->setPlaceholderText(hint);
    edit->setAccessibleName(label);
    m_fields.insert(key, edit);
    connect(edit, &QLineEdit::textChanged, this, &AssetEditDialog::updateState);
    return edit;
}

void AssetEditDialog::loadLookups(StoreWorker &store)
{
    using Names = std::array<QStringList, 3>;
    std::function<Names(Workspace &)> job = [](Workspace &workspace) {
        return Names{workspace.assets().lookupNames(AssetRepository::Lookup::Accounts),
                     workspace.assets().lookupNames(AssetRepository::Lookup::Products),
                     workspace.assets().lookupNames(AssetRepository::Lookup::Categories)};
    };
    store.post<Names>(this, std::move(job), [this](StoreResult<Names> result) {
        if (!result.ok())
            return; // completion is a help, not a need
        const std::array<QString, 3> keys{QStringLiteral("account"), QStringLiteral("product"),
                                          QStringLiteral("category")};
        for (size_t i = 0; i < keys.size(); ++i) {
            auto *completer = new QCompleter((*result.value)[i], m_fields.value(keys[i]));
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            m_fields.value(keys[i])->setCompleter(completer);
        }
    });
}

void AssetEditDialog::setAsset(const AssetDetails &details)
{
    const Asset &asset = details.asset;
    m_assetId = asset.id;
    setWindowTitle(tr("Edit %1").arg(asset.name));
    const QLocale locale;
    const bool located = !(asset.latitude == 0 && asset.longitude == 0);
    m_initial = {
        {QStringLiteral("name"), asset.name},
        {QStringLiteral("tag"), asset.assetTag},
        {QStringLiteral("account"), asset.accountName},
        {QStringLiteral("product"), asset.productName},
        {QStringLiteral("category"), asset.categoryName},
        {QStringLiteral("parent"), details.ancestors.empty() ? asset.parentId : details.ancestors.back().name},
        {QStringLiteral("latitude"), located ? locale.toString(asset.latitude, 'f', 6) : QString()},
        {QStringLiteral("longitude"), located ? locale.toString(asset.longitude, 'f', 6) : QString()},
    };
    for (auto it = m_initial.cbegin(); it != m_initial.cend(); ++it)
        m_fields.value(it.key())->setText(it.value());
    updateState();
}

std::optional<double> AssetEditDialog::coordinate(const QString &text)
{
    bool ok = false;
    const double value = QLocale().toDouble(text.trimmed(), &ok);
    if (ok)
        return value;
    return AssetFieldParser::parseNumber(text.trimmed());
}

QStringList AssetEditDialog::formProblems() const
{
    QStringList problems;
    const QString name = m_fields.value(QStringLiteral("name"))->text().trimmed();
    if (const QString problem = AssetValidator::nameProblem(name); !problem.isEmpty())
        problems.append(problem);
    if (const QString problem = AssetValidator::tagProblem(m_fields.value(QStringLiteral("tag"))->text().trimmed());
        !problem.isEmpty())
        problems.append(problem);
    // A location is both coordinates or none (0, 0 is "no location" here): a
    // coordinate cleared or given alone would put the asset on the equator
    // or the prime meridian, and send that to the store.
    const bool latitudeGiven = !m_fields.value(QStringLiteral("latitude"))->text().trimmed().isEmpty();
    const bool longitudeGiven = !m_fields.value(QStringLiteral("longitude"))->text().trimmed().isEmpty();
    if (latitudeGiven != longitudeGiven)
        problems.append(tr("Give both latitude and longitude, or clear both to remove the location"));
    for (const QString &key : {QStringLiteral("latitude"), QStringLiteral("longitude")}) {
        const QString text = m_fields.value(key)->text().trimmed();
        if (text.isEmpty())
            continue;
        const std::optional<double> value = coordinate(text);
        const QString problem = !value ? tr("%1: \"%2\" is not a number").arg(m_fields.value(key)->accessibleName(), text)
            : key == QLatin1String("latitude") ? AssetValidator::latitudeProblem(*value)
                                               : AssetValidator::longitudeProblem(*value);
        if (!problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

AssetEditRequest AssetEditDialog::request() const
{
    AssetEditRequest request;
    request.assetId = m_assetId;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QString value = it.value()->text().trimmed();
        if (value == m_initial.value(it.key()) && (!m_assetId.isEmpty() || value.isEmpty()))
            continue; // unchanged (a new asset sends what was filled in)
        if ((it.key() == QLatin1String("latitude") || it.key() == QLatin1String("longitude")) && !value.isEmpty()) {
            if (const std::optional<double> number = coordinate(value))
                value = QString::number(*number, 'g', 12);
        }
        if ((it.key() == QLatin1String("latitude") || it.key() == QLatin1String("longitude")) && value.isEmpty())
            value = QStringLiteral("0"); // both cleared (formProblems): no location
        request.assignments.append(it.key() + QLatin1Char('=') + value);
    }
    request.assignments.sort(); // stable order for messages and tests
    return request;
}

void AssetEditDialog::showProblem(const QString &text)
{
    m_saving = false;
    m_showingFormProblems = false;
    m_problem->setText(text);
    updateState();
}

QString AssetEditDialog::problemText() const
{
    return m_problem->text();
}

void AssetEditDialog::save()
{
    if (m_saving || !formProblems().isEmpty())
        return;
    const AssetEditRequest next = request();
    if (next.assignments.isEmpty()) {
        accept(); // nothing changed
        return;
    }
    m_saving = true;
    m_problem->setText(tr("Saving…"));
    updateState();
    Q_EMIT saveRequested(next);
}

void AssetEditDialog::updateState()
{
    const QStringList problems = formProblems();
    if (!m_saving && !problems.isEmpty()) {
        m_problem->setText(problems.join(QLatin1Char('\n')));
        m_showingFormProblems = true;
    } else if (!m_saving && m_showingFormProblems) {
        m_problem->clear();
        m_showingFormProblems = false;
    }
    if (QPushButton *saveButton = m_buttons ? m_buttons->button(QDialogButtonBox::Save) : nullptr)
        saveButton->setEnabled(problems.isEmpty() && !m_saving);
}

} // namespace sl
