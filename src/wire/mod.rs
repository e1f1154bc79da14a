//! The site's wire format: private serde structs that mirror its JSON.
//!
//! Every field is optional and lenient ([`lenient::Field`]), keys are the site's own
//! (camelCase, and snake_case for the `ai_*` keys), and unknown keys are ignored. Nothing
//! here is public: [`crate::extract`] maps these structs into the public model.

pub(crate) mod lenient;
pub(crate) mod listing;
pub(crate) mod object;
pub(crate) mod paper;
pub(crate) mod paper_page;
