//! The Fluent catalogues: the same keys and arguments in both languages, every key used.

/// Message ids and, for each, the sorted names of the variables it uses.
fn catalogue(source: &str) -> std::collections::BTreeMap<String, Vec<String>> {
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
    let mut map = std::collections::BTreeMap::new();
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

#[test]
fn catalogues_have_the_same_keys_and_arguments_and_every_key_is_used() {
    let en = catalogue(release_desk::i18n::EN_FTL);
    let ko = catalogue(release_desk::i18n::KO_FTL);
    let en_keys: Vec<_> = en.keys().collect();
    let ko_keys: Vec<_> = ko.keys().collect();
    let missing_in_ko: Vec<_> = en_keys.iter().filter(|k| !ko.contains_key(k.as_str())).collect();
    let missing_in_en: Vec<_> = ko_keys.iter().filter(|k| !en.contains_key(k.as_str())).collect();
    assert!(missing_in_ko.is_empty(), "missing in ko.ftl: {missing_in_ko:?}");
    assert!(missing_in_en.is_empty(), "missing in en.ftl: {missing_in_en:?}");
    for (key, args) in &en {
        assert_eq!(Some(args), ko.get(key), "arguments of {key} differ");
    }
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
