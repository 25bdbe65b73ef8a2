use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::{input_error, Input, InputError};

/// Expands paths: files as given, folders recursively (sorted, deterministic, skipping hidden files), "-" = stdin.
/// Paths that do not exist give an [`InputError`] each; the rest go on.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk_folder(path, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(input_error(path.display().to_string(), "no such file or directory"));
        }
    }
    (inputs, errors)
}

fn walk_folder(folder: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let walker = WalkDir::new(folder).follow_links(true).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name())) {
        match entry {
            Ok(entry) if entry.file_type().is_file() => inputs.push(Input::File(entry.into_path())),
            Ok(_) => {}
            Err(error) => {
                let input = error.path().unwrap_or(folder).display().to_string();
                errors.push(input_error(input, error.to_string()));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|name| name.starts_with('.'))
}
