//! The Fluent catalogues: the same area files in both languages (and every file loaded), no key in
//! two files, the same keys and arguments in both languages, every key used.

use std::collections::BTreeMap;

use release_desk::i18n::{EN_FTL, KO_FTL};

/// Message ids and, for each, the sorted names of the variables it uses.
fn catalogue(source: &str) -> BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    fn walk(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_expr(inline, out),
            ast::Expression::Select { selector, variants } => {
                inline_expr(selector, out);
                for v in variants {
                    walk(&v.value, out);
                }
            }
        }
    }
    fn inline_expr(inline: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_owned()),
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let mut map = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut vars = Vec::new();
            if let Some(value) = &message.value {
                walk(value, &mut vars);
            }
            vars.sort();
            vars.dedup();
            map.insert(message.id.name.to_owned(), vars);
        }
    }
    map
}

fn source_text() -> String {
    fn visit(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                visit(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut text = String::new();
    visit(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut text);
    text
}

/// The `.ftl` files in `assets/i18n/<language>/`, by area (the file name without `.ftl`).
fn files_on_disk(language: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/i18n").join(language);
    let mut areas: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    areas.sort();
    areas
}

/// One language's catalogue: each key with its arguments and the area that defines it. Fails on a
/// key defined in two files (the bundle would keep only the first).
fn merged(language: &str, areas: &[(&str, &str)]) -> BTreeMap<String, (Vec<String>, String)> {
    let mut all = BTreeMap::new();
    let mut twice = Vec::new();
    for (area, source) in areas {
        for (key, args) in catalogue(source) {
            if let Some((_, first)) = all.insert(key.clone(), (args, (*area).to_owned())) {
                twice.push(format!("{key} in {language}/{first}.ftl and {language}/{area}.ftl"));
            }
        }
    }
    assert!(twice.is_empty(), "keys defined in two files: {twice:#?}");
    all
}

#[test]
fn both_languages_have_the_same_area_files_and_every_file_is_loaded() {
    let loaded = |areas: &[(&str, &str)]| {
        let mut names: Vec<String> = areas.iter().map(|(area, _)| (*area).to_owned()).collect();
        names.sort();
        names
    };
    assert_eq!(files_on_disk("en"), files_on_disk("ko"), "assets/i18n/en and assets/i18n/ko differ");
    assert_eq!(loaded(EN_FTL), files_on_disk("en"), "i18n::EN_FTL and assets/i18n/en/ differ");
    assert_eq!(loaded(KO_FTL), files_on_disk("ko"), "i18n::KO_FTL and assets/i18n/ko/ differ");
}

#[test]
fn catalogues_have_the_same_keys_and_arguments_and_every_key_is_used() {
    let en_areas = merged("en", EN_FTL);
    let ko_areas = merged("ko", KO_FTL);
    let en: BTreeMap<_, _> = en_areas.iter().map(|(k, (args, _))| (k.clone(), args.clone())).collect();
    let ko: BTreeMap<_, _> = ko_areas.iter().map(|(k, (args, _))| (k.clone(), args.clone())).collect();
    let en_keys: Vec<_> = en.keys().collect();
    let ko_keys: Vec<_> = ko.keys().collect();
    let missing_in_ko: Vec<_> = en_keys.iter().filter(|k| !ko.contains_key(k.as_str())).collect();
    let missing_in_en: Vec<_> = ko_keys.iter().filter(|k| !en.contains_key(k.as_str())).collect();
    assert!(missing_in_ko.is_empty(), "missing in assets/i18n/ko: {missing_in_ko:?}");
    assert!(missing_in_en.is_empty(), "missing in assets/i18n/en: {missing_in_en:?}");
    for (key, args) in &en {
        assert_eq!(Some(args), ko.get(key), "arguments of {key} differ");
    }
    let elsewhere: Vec<_> = en_areas
        .iter()
        .filter_map(|(key, (_, area))| {
            let ko_area = &ko_areas.get(key)?.1;
            (ko_area != area).then(|| format!("{key}: en/{area}.ftl but ko/{ko_area}.ftl"))
        })
        .collect();
    assert!(elsewhere.is_empty(), "keys in a different area in each language: {elsewhere:#?}");
    let source = source_text();
    let unused: Vec<_> = en.keys().filter(|k| !source.contains(&format!("\"{k}\""))).collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    for call in ["tr(\"", "tr_args(\"", "tr_in(language, \""] {
        for (at, _) in source.match_indices(call) {
            // `push_str("` is not a call of `tr(`.
            let before = source[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let rest = &source[at + call.len()..];
            let key = &rest[..rest.find('"').unwrap()];
            assert!(en.contains_key(key), "code uses {key:?}, which no catalogue has");
        }
    }
}
