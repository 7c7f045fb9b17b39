//! The draft and its history: every change can be undone and redone. Typing in one cell is one
//! step (not one per key); anything else (a paste, a new year, a removed row) is a step of its own.

use crate::data::tree::{Path, Value};

/// How many steps back undo reaches (a dataset is a few tens of kilobytes: 200 copies stay small).
const DEPTH: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub value: Value,
    past: Vec<Value>,
    future: Vec<Value>,
    /// The cell the last step typed in: more typing there extends that step.
    typing: Option<Path>,
}

impl Draft {
    pub fn new(value: Value) -> Self {
        Draft {
            value,
            past: Vec::new(),
            future: Vec::new(),
            typing: None,
        }
    }

    fn push(&mut self) {
        self.past.push(self.value.clone());
        if self.past.len() > DEPTH {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Sets one cell; consecutive edits of the same cell are one step.
    pub fn edit(&mut self, path: &Path, value: Value) {
        if self.value.at(path) == Some(&value) {
            return;
        }
        if self.typing.as_ref() != Some(path) {
            self.push();
            self.typing = Some(path.clone());
        }
        self.value.set(path, value);
    }

    /// Replaces the whole draft as one step (a paste, an added or removed row, an opened file).
    pub fn replace(&mut self, value: Value) {
        if value == self.value {
            return;
        }
        self.push();
        self.typing = None;
        self.value = value;
    }

    /// Ends the current typing step (the cell lost focus).
    pub fn seal(&mut self) {
        self.typing = None;
    }

    pub fn undo(&mut self) -> bool {
        let Some(prev) = self.past.pop() else {
            return false;
        };
        self.future.push(std::mem::replace(&mut self.value, prev));
        self.typing = None;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        self.past.push(std::mem::replace(&mut self.value, next));
        self.typing = None;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
