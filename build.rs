//! Validates data/dataset.json before anything is compiled: a broken data file stops the build
//! with a message naming the figure and the year. The checks are the app's own (the same decode
//! and validate code the browser runs on the page's dataset block); only the JSON tokenizer
//! differs (serde_json here, the browser's `JSON.parse` there).

#[allow(dead_code)]
mod data {
    #[path = "../src/data/decode.rs"]
    pub mod decode;
    #[path = "../src/data/fields.rs"]
    pub mod fields;
    #[path = "../src/data/model.rs"]
    pub mod model;
    #[path = "../src/data/roles.rs"]
    pub mod roles;
    #[path = "../src/data/validate.rs"]
    pub mod validate;
}

fn main() {
    let path = "data/dataset.json";
    for f in [
        path,
        "src/data/model.rs",
        "src/data/decode.rs",
        "src/data/validate.rs",
        "src/data/roles.rs",
        "src/data/fields.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    if let Err(errors) = data::validate::parse(&text) {
        eprintln!("error: {path} has {} problem(s):", errors.len());
        for e in &errors {
            eprintln!("  - {e}");
        }
        std::process::exit(1);
    }
}
