//! Helpers shared by the integration tests (each test uses a part).
#![allow(dead_code)]

pub mod adversarial_inputs;
pub mod cases;
pub mod invariants;
