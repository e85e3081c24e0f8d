# Sources of models/items (paths relative to models/).
target_sources(sightline_models PRIVATE
    items/assetlistmodel.cpp items/assetlistmodel.h
    items/assetroles.cpp items/assetroles.h
    items/assettreemodel.cpp items/assettreemodel.h
)
