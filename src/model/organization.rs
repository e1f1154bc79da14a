use serde::{Deserialize, Serialize};

/// An organization on huggingface.co that a paper is filed under.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// The site's internal object id (`_id`).
    pub id: Option<String>,
    /// The organization's handle, as in `https://huggingface.co/<name>`.
    pub name: Option<String>,
    /// The display name.
    pub fullname: Option<String>,
    /// The logo, as an absolute URL.
    pub avatar_url: Option<String>,
}

impl Organization {
    /// The organization's page on huggingface.co, when its handle is known.
    ///
    /// ```
    /// let mut org = hf_papers::Organization::default();
    /// org.name = Some("example-lab".into());
    /// assert_eq!(org.url().as_deref(), Some("https://huggingface.co/example-lab"));
    /// ```
    pub fn url(&self) -> Option<String> {
        self.name
            .as_deref()
            .map(|name| format!("https://huggingface.co/{name}"))
    }
}
