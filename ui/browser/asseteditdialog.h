#pragma once

#include "editing/asseteditrequest.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sl {

class StoreWorker;
struct AssetDetails;

// Creates or edits an asset: name, asset tag, account, product, category
// (names, with completion), parent asset (a name or an id), latitude and
// longitude. The rules that need no workspace are checked as the user types
// (AssetValidator's); the rest when saving, on the store worker, which
// answers through showProblem() or closes the dialog. Only the fields the
// user changed are sent (saveRequested), in the CLI's `field=value` form.
class AssetEditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AssetEditDialog(QWidget *parent = nullptr);

    // Reads the account, product and category names for completion.
    void loadLookups(StoreWorker &store);
    // Edits this asset (otherwise the dialog creates a new one).
    void setAsset(const AssetDetails &details);
    QString assetId() const { return m_assetId; }
    // Shows why the save was refused; the dialog stays open.
    void showProblem(const QString &text);
    QString problemText() const;
    // The field editors by parser name ("name", "tag", "account", "product",
    // "category", "parent", "latitude", "longitude").
    QLineEdit *field(const QString &key) const { return m_fields.value(key); }
    // What saving would send now.
    AssetEditRequest request() const;
    // Saves as the OK button does (when the form passes its checks).
    void save();

Q_SIGNALS:
    void saveRequested(const AssetEditRequest &request);

private:
    QLineEdit *addField(const QString &key, const QString &label, const QString &hint);
    // The local problems of the form; empty when it may be saved.
    QStringList formProblems() const;
    // A coordinate as typed (the user's locale or C), as C-locale text.
    static std::optional<double> coordinate(const QString &text);
    void updateState();

    QString m_assetId;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, QString> m_initial; // the values shown when the asset was loaded
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_saving = false;
    bool m_showingFormProblems = false; // the label shows formProblems(), not a refusal
};

} // namespace sl
