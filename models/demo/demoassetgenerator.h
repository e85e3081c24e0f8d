#pragma once

#include "domain/asset.h"

#include <QString>
#include <QStringList>
#include <QUuid>

#include <vector>

namespace sl {

// The demo workspace's asset data: accounts, products, categories and assets.
struct DemoAssetSet
{
    std::vector<Account> accounts;
    std::vector<Product> products;
    std::vector<Category> categories;
    std::vector<Asset> assets; // parents come before their children
    // A handful of equipment units (pumps and chillers) to hang demo captures on.
    QStringList featuredAssetIds;
};

// Generates Field-Service-like demo assets deterministically: the same seed
// and count always give the same ids, names and coordinates on every
// platform. The hierarchy is site -> unit -> component, e.g. "Fabrikam
// Riverside Plant" > "Chiller CH-210" > "Condenser fan motor".
class DemoAssetGenerator
{
public:
    static constexpr quint32 kDefaultSeed = 20261120;

    explicit DemoAssetGenerator(quint32 seed = kDefaultSeed);
    // assetCount assets exactly (at least 1).
    DemoAssetSet generate(int assetCount) const;
    // The id the demo data gives to `kind`/`name` (a name-based UUID v5 in
    // the demo namespace), lower case without braces.
    static QString idFor(const QString &kind, const QString &name);

private:
    quint32 m_seed;
};

} // namespace sl
