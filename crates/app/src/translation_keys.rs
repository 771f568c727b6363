//! The interface's keys, checked at test time against the translation table: every key the
//! code of the workspace names in a call to the table, and every key the code builds from its
//! own types, is written in all three languages.

use atlas_core::i18n::Translations;

fn table() -> Translations {
    Translations::embedded().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_key_the_code_uses_is_translated() {
    let table = table();
    let mut missing = Vec::new();
    // Every crate of the workspace: the keys are looked up here, in the interface, but written
    // in the map's and the renderer's code as well.
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.ancestors().find(|dir| dir.join("Cargo.lock").exists()).unwrap_or(manifest);
    let mut stack = vec![root.join("src"), root.join("crates")];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                stack.push(entry.path());
            }
            continue;
        }
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // A call with the key written in it, alone or after the language: the first text
        // literal inside the call.
        for (offset, _) in text.match_indices("tr(") {
            let call = &text[offset + 3..];
            let call = &call[..call.find(')').unwrap_or(0)];
            let Some(open) = call.find('"') else { continue };
            let literal = &call[open + 1..];
            let key = &literal[..literal.find('"').unwrap_or(0)];
            let is_key =
                !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if is_key && !table.has(key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "untranslated keys: {missing:?}");
}

/// Keys the code builds from its own types rather than naming them in a call to the table.
fn keys_built_by_functions() -> Vec<&'static str> {
    use atlas_core::model::{Confidence, PlaceKind, Role, Side};
    let mut keys: Vec<&'static str> = Vec::new();
    keys.extend(Side::ALL.map(Side::key));
    keys.extend(Role::ALL.map(Role::key));
    keys.extend(Confidence::ALL.map(Confidence::key));
    keys.extend(PlaceKind::ALL.map(PlaceKind::key));
    keys.extend(atlas_core::layers::Layer::ALL.map(atlas_core::layers::Layer::label_key));
    keys.extend(atlas_data::ProblemKind::ALL.map(atlas_data::ProblemKind::key));
    keys.extend(crate::export_dialog::ExportSize::ALL.map(crate::export_dialog::ExportSize::label_key));
    keys.extend(atlas_core::i18n::MONTH_KEYS);
    keys.extend(["language_in_kk", "language_in_ru", "language_in_en"]);
    keys.extend(crate::ABOUT_LICENCES);
    keys
}

#[test]
fn every_key_built_by_a_function_is_translated() {
    let table = table();
    let missing: Vec<_> = keys_built_by_functions().into_iter().filter(|key| !table.has(key)).collect();
    assert!(missing.is_empty(), "untranslated keys: {missing:?}");
}
