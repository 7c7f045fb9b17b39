//! Validates data/dataset.json before anything is compiled: a broken data file stops the build
//! with a message naming the figure (the same checks the app and the tests run).

#[allow(dead_code)]
mod data {
    #[path = "../src/data/model.rs"]
    pub mod model;
    #[path = "../src/data/validate.rs"]
    pub mod validate;
}

fn main() {
    let path = "data/dataset.json";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=src/data/model.rs");
    println!("cargo:rerun-if-changed=src/data/validate.rs");
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
