#include "demo/demoassetgenerator.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>
#include <array>
#include <random>

namespace sl {

namespace {

// Everything random comes from mt19937, whose output the C++ standard fixes;
// the distributions below are our own (std's differ between libraries).
class Rng
{
public:
    explicit Rng(quint32 seed) : m_engine(seed) {}
    int below(int n) { return n <= 1 ? 0 : int(m_engine() % quint32(n)); }
    int between(int low, int high) { return low + below(high - low + 1); } // inclusive
    double uniform(double low, double high)
    {
        return low + (high - low) * (double(m_engine()) / 4294967296.0);
    }
    bool chance(double p) { return uniform(0, 1) < p; }

private:
    std::mt19937 m_engine;
};

const QUuid kDemoNamespace(QStringLiteral("6f1c2d7e-3b0a-4c4e-9a51-8d2f4e6b7c10"));

// clang-format off
const char *const kCompanies[] = {
    "Contoso", "Fabrikam", "Northwind", "Adventure Works", "Litware", "Tailspin", "Woodgrove", "Proseware",
    "Wingtip", "Coho Winery", "Lamna", "Fourth Coffee", "Wide World", "Trey Research", "Blue Yonder",
    "Relecloud", "VanArsdel", "Lucerne", "Alpine Ski House", "Southridge"};
const char *const kAccountKinds[] = {"Manufacturing", "Foods", "Logistics", "Pharmaceuticals", "Utilities",
                                     "Health", "Data Centers", "Retail", "Chemicals", "Cold Chain"};
const char *const kPlaces[] = {"Riverside", "Lakeside", "North Ridge", "Harbor Point", "Eastgate", "Westfield",
                               "Cedar Hill", "Maple Grove", "Oakwood", "Stonebridge", "Pine Valley", "Bayview",
                               "Summit", "Kingsport", "Fairview", "Millbrook", "Ashford", "Brookside",
                               "Clearwater", "Redstone"};
const char *const kFacilities[] = {"Plant", "Distribution Center", "Campus", "Data Center", "Hospital",
                                   "Cold Storage", "Warehouse", "Water Treatment Works", "Office Tower", "Mill"};

struct City
{
    double latitude, longitude; // degrees, WGS 84
};
const City kCities[] = {{47.61, -122.33}, {41.88, -87.63}, {29.76, -95.37}, {33.75, -84.39}, {39.74, -104.99},
                        {43.65, -79.38}, {51.92, 4.48}, {48.14, 11.58}, {45.76, 4.84}, {53.48, -2.24},
                        {40.42, -3.70}, {59.33, 18.07}, {1.35, 103.82}, {-33.87, 151.21}, {-23.55, -46.63},
                        {19.43, -99.13}, {33.45, -112.07}, {42.36, -71.06}, {53.35, -6.26}, {35.68, 139.69}};

enum CategoryIndex { Facilities, Pumps, Chillers, Compressors, Hvac, Generators, Conveyors, Boilers, Motors,
                     Valves, Electrical, Controls, CategoryCount };
const char *const kCategoryNames[CategoryCount] = {"Facilities", "Pumps", "Chillers", "Compressors", "HVAC",
                                                   "Generators", "Conveyors", "Boilers", "Motors", "Valves",
                                                   "Electrical", "Controls"};

struct ComponentType
{
    const char *name;
    CategoryIndex category;
};

// A kind of equipment unit: its category, how units are named, its
// product line and the components it is made of.
struct UnitType
{
    CategoryIndex category;
    const char *label; // "Chiller"
    const char *code;  // "CH": units are "Chiller CH-210"
    int firstNumber;
    std::array<const char *, 5> series;
    std::array<ComponentType, 7> components;
};

const UnitType kUnitTypes[] = {
    {Pumps, "Centrifugal Pump", "P", 101, {"AquaFlow", "HydroMax", "Torrent", "ClearLine", "DuraPump"},
     {{{"Pump motor", Motors}, {"Impeller", Pumps}, {"Mechanical seal", Pumps}, {"Bearing housing", Pumps},
       {"Coupling", Pumps}, {"Variable frequency drive", Electrical}, {"Discharge valve", Valves}}}},
    {Chillers, "Chiller", "CH", 201, {"CoolCore", "Arctica", "ThermaChill", "Glacier", "FrostLine"},
     {{{"Condenser fan motor", Motors}, {"Compressor", Compressors}, {"Evaporator", Chillers},
       {"Condenser coil", Chillers}, {"Expansion valve", Valves}, {"Control panel", Controls},
       {"Chilled water pump", Pumps}}}},
    {Compressors, "Air Compressor", "AC", 11, {"AirPro", "PneuMax", "Zephyr", "SteadyAir", "Cyclone"},
     {{{"Drive motor", Motors}, {"Air end", Compressors}, {"Intercooler", Compressors},
       {"Refrigerated dryer", Compressors}, {"Pressure relief valve", Valves}, {"Controller", Controls},
       {"Inlet filter", Compressors}}}},
    {Hvac, "Air Handling Unit", "AHU", 1, {"ClimaAir", "VentaPro", "AirSphere", "Breeze", "Stratus"},
     {{{"Supply fan motor", Motors}, {"Return fan motor", Motors}, {"Heating coil", Hvac},
       {"Cooling coil", Hvac}, {"Filter bank", Hvac}, {"Damper actuator", Controls},
       {"BMS controller", Controls}}}},
    {Generators, "Standby Generator", "G", 1, {"PowerGuard", "VoltStar", "Endura", "GridSafe", "Titan"},
     {{{"Diesel engine", Generators}, {"Alternator", Electrical}, {"Automatic transfer switch", Electrical},
       {"Fuel day tank", Generators}, {"Battery charger", Electrical}, {"Radiator fan motor", Motors},
       {"Engine controller", Controls}}}},
    {Conveyors, "Belt Conveyor", "CV", 1, {"FlexBelt", "RollerLine", "TransPort", "CargoMove", "SwiftLine"},
     {{{"Drive motor", Motors}, {"Gearbox", Conveyors}, {"Head pulley", Conveyors}, {"Tail pulley", Conveyors},
       {"Conveyor belt", Conveyors}, {"Pull cord switch", Electrical}, {"Belt tracking sensor", Controls}}}},
    {Boilers, "Steam Boiler", "B", 1, {"SteamMaster", "HeatWave", "Caldera", "Ember", "Vapora"},
     {{{"Burner", Boilers}, {"Feedwater pump", Pumps}, {"Safety valve", Valves}, {"Flue gas fan motor", Motors},
       {"Water level controller", Controls}, {"Economizer", Boilers}, {"Blowdown valve", Valves}}}},
};

// Product lines for components: with five per unit type, 60 products in all.
struct ComponentProduct
{
    CategoryIndex category;
    const char *name;
    const char *number;
};
const ComponentProduct kComponentProducts[] = {
    {Motors, "Proseware IE3 motor 5.5 kW", "PW-M055"}, {Motors, "Proseware IE3 motor 7.5 kW", "PW-M075"},
    {Motors, "Proseware IE4 motor 11 kW", "PW-M110"}, {Motors, "Litware EC fan motor 3 kW", "LW-EC030"},
    {Motors, "Litware EC fan motor 5 kW", "LW-EC050"}, {Motors, "Contoso servo drive motor", "CT-SD200"},
    {Motors, "Proseware gear motor 2.2 kW", "PW-GM022"}, {Motors, "Proseware gear motor 4 kW", "PW-GM040"},
    {Valves, "Northwind butterfly valve DN100", "NW-BV100"}, {Valves, "Northwind gate valve DN150", "NW-GV150"},
    {Valves, "Fabrikam safety valve 10 bar", "FB-SV10"}, {Valves, "Fabrikam expansion valve TXV-4", "FB-TXV4"},
    {Valves, "Fabrikam blowdown valve BD-25", "FB-BD25"},
    {Electrical, "Woodgrove VFD 15 kW", "WG-VFD15"}, {Electrical, "Woodgrove transfer switch 400 A", "WG-ATS400"},
    {Electrical, "Tailspin alternator 250 kVA", "TS-ALT250"}, {Electrical, "Tailspin battery charger 24 V", "TS-BC24"},
    {Electrical, "Woodgrove pull cord switch PC-2", "WG-PC2"},
    {Controls, "Lamna PLC controller S-200", "LM-S200"}, {Controls, "Lamna BMS controller B-10", "LM-B10"},
    {Controls, "Relecloud IoT gateway G2", "RC-G2"}, {Controls, "Relecloud level sensor L5", "RC-L5"},
    {Controls, "Relecloud damper actuator DA-24", "RC-DA24"}, {Controls, "Lamna control panel CP-8", "LM-CP8"},
    {Controls, "Relecloud belt tracking sensor BT-1", "RC-BT1"},
};
// clang-format on

struct AccountInfo
{
    QString id;
    QString name;
    QString shortName; // the company, for site names
};

} // namespace

DemoAssetGenerator::DemoAssetGenerator(quint32 seed) : m_seed(seed) {}

QString DemoAssetGenerator::idFor(const QString &kind, const QString &name)
{
    return QUuid::createUuidV5(kDemoNamespace, kind + QLatin1Char(':') + name).toString(QUuid::WithoutBraces);
}

DemoAssetSet DemoAssetGenerator::generate(int assetCount) const
{
    DemoAssetSet set;
    Rng rng(m_seed);
    assetCount = std::max(1, assetCount);

    // Categories.
    for (const char *category : kCategoryNames) {
        const QString name = QString::fromLatin1(category);
        set.categories.push_back({idFor(QStringLiteral("category"), name), name});
    }

    // Accounts: every company twice, in two lines of business.
    std::vector<AccountInfo> accounts;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < int(std::size(kCompanies)); ++i) {
            const QString company = QString::fromLatin1(kCompanies[i]);
            const QString kind =
                QString::fromLatin1(kAccountKinds[(i + round * 3) % int(std::size(kAccountKinds))]);
            const QString name = company + QLatin1Char(' ') + kind;
            const QString id = idFor(QStringLiteral("account"), name);
            set.accounts.push_back({id, name});
            accounts.push_back({id, name, company});
        }
    }

    // Products: five per unit type, then the component lines.
    struct ProductRef
    {
        QString id;
        QString name;
    };
    std::vector<std::vector<ProductRef>> unitProducts(std::size(kUnitTypes));
    std::array<std::vector<ProductRef>, CategoryCount> componentProducts;
    for (size_t t = 0; t < std::size(kUnitTypes); ++t) {
        const UnitType &type = kUnitTypes[t];
        for (size_t s = 0; s < type.series.size(); ++s) {
            const QString brand = QString::fromLatin1(kCompanies[(t * 5 + s) % std::size(kCompanies)]);
            const QString number =
                QStringLiteral("%1-%2").arg(QString::fromLatin1(type.code)).arg(100 * (s + 1) + 10 * t);
            const QString name =
                brand + QLatin1Char(' ') + QString::fromLatin1(type.series[s]) + QLatin1Char(' ') + number;
            const QString id = idFor(QStringLiteral("product"), number);
            set.products.push_back({id, name, number});
            unitProducts[t].push_back({id, name});
        }
    }
    for (const ComponentProduct &product : kComponentProducts) {
        const QString number = QString::fromLatin1(product.number);
        const QString id = idFor(QStringLiteral("product"), number);
        set.products.push_back({id, QString::fromLatin1(product.name), number});
        componentProducts[product.category].push_back({id, QString::fromLatin1(product.name)});
    }

    // Assets: sites -> units -> components, until assetCount.
    const QDateTime modifiedBase(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
    int tagNumber = 1000;
    QSet<QString> siteNames;
    std::array<int, std::size(kUnitTypes)> nextUnitNumber{};
    for (size_t t = 0; t < std::size(kUnitTypes); ++t)
        nextUnitNumber[t] = kUnitTypes[t].firstNumber;
    QStringList featuredPumps, featuredChillers;

    auto add = [&](const QString &name, int category, const AccountInfo &account, const ProductRef *product,
                   const QString &parentId, double latitude, double longitude) -> const Asset & {
        Asset asset;
        asset.assetTag = QStringLiteral("AT-%1").arg(++tagNumber, 6, 10, QLatin1Char('0'));
        asset.id = idFor(QStringLiteral("asset"), asset.assetTag);
        asset.name = name;
        asset.accountId = account.id;
        asset.accountName = account.name;
        if (product) {
            asset.productId = product->id;
            asset.productName = product->name;
        }
        asset.categoryId = set.categories[size_t(category)].id; // indexed by CategoryIndex
        asset.categoryName = set.categories[size_t(category)].name;
        asset.parentId = parentId;
        asset.latitude = latitude;
        asset.longitude = longitude;
        asset.stateCode = rng.chance(0.03) ? 1 : 0;
        asset.modifiedOn = modifiedBase.addSecs(qint64(rng.below(300 * 24 * 60)) * 60).toString(Qt::ISODate);
        set.assets.push_back(std::move(asset));
        return set.assets.back();
    };
    auto full = [&] { return int(set.assets.size()) >= assetCount; };

    for (int site = 0; !full(); ++site) {
        const AccountInfo &account = accounts[size_t(rng.below(int(accounts.size())))];
        QString siteName = account.shortName + QLatin1Char(' ') +
                           QString::fromLatin1(kPlaces[rng.below(int(std::size(kPlaces)))]) +
                           QLatin1Char(' ') +
                           QString::fromLatin1(kFacilities[rng.below(int(std::size(kFacilities)))]);
        for (int n = 2; siteNames.contains(siteName); ++n)
            siteName = siteName.section(QLatin1Char('#'), 0, 0).trimmed() + QStringLiteral(" #%1").arg(n);
        siteNames.insert(siteName);
        const City &city = kCities[rng.below(int(std::size(kCities)))];
        const double siteLat = city.latitude + rng.uniform(-0.25, 0.25);
        const double siteLon = city.longitude + rng.uniform(-0.25, 0.25);
        const QString siteId = add(siteName, Facilities, account, nullptr, {}, siteLat, siteLon).id;

        const int unitCount = rng.between(4, 9);
        for (int u = 0; u < unitCount && !full(); ++u) {
            const size_t t = size_t(rng.below(int(std::size(kUnitTypes))));
            const UnitType &type = kUnitTypes[t];
            nextUnitNumber[t] += rng.between(1, 3);
            const QString unitName = QStringLiteral("%1 %2-%3")
                                         .arg(QString::fromLatin1(type.label), QString::fromLatin1(type.code))
                                         .arg(nextUnitNumber[t]);
            const ProductRef &product = unitProducts[t][size_t(rng.below(int(unitProducts[t].size())))];
            const double unitLat = siteLat + rng.uniform(-0.002, 0.002);
            const double unitLon = siteLon + rng.uniform(-0.002, 0.002);
            const QString unitId =
                add(unitName, type.category, account, &product, siteId, unitLat, unitLon).id;
            if (type.category == Pumps && featuredPumps.size() < 2)
                featuredPumps.append(unitId);
            if (type.category == Chillers && featuredChillers.size() < 2)
                featuredChillers.append(unitId);

            // A subset of the unit's components, in their usual order.
            std::array<int, 7> order{0, 1, 2, 3, 4, 5, 6};
            for (int i = int(order.size()) - 1; i > 0; --i)
                std::swap(order[size_t(i)], order[size_t(rng.below(i + 1))]);
            const int componentCount = rng.between(2, 6);
            std::sort(order.begin(), order.begin() + componentCount);
            for (int c = 0; c < componentCount && !full(); ++c) {
                const ComponentType &component = type.components[size_t(order[size_t(c)])];
                const auto &lines = componentProducts[component.category];
                const ProductRef *componentProduct =
                    lines.empty() ? nullptr : &lines[size_t(rng.below(int(lines.size())))];
                add(QString::fromLatin1(component.name), component.category, account, componentProduct,
                    unitId, unitLat + rng.uniform(-0.0002, 0.0002), unitLon + rng.uniform(-0.0002, 0.0002));
            }
        }
    }

    set.featuredAssetIds = featuredPumps + featuredChillers;
    if (set.featuredAssetIds.isEmpty())
        set.featuredAssetIds.append(set.assets.front().id);
    return set;
}

} // namespace sl
