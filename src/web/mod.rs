//! The browser binding (wasm32 only): `annotate`, `highlight`, `clear`.
