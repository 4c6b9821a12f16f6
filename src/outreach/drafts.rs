//! E-mails the coordinator checks and sends from their own mail program:
//! Wieg sends nothing itself. A draft is an `.eml` file marked unsent
//! (`X-Unsent: 1`, which Outlook opens as a new message; Thunderbird opens
//! it too), and a `mailto:` link beside it for mail programs that open no
//! files — without attachment, and with the text shortened when the link
//! would be too long for the system to hand over.
//!
//! Two kinds: the open action items of one owner (a person, or the people
//! of an organisation), with their meeting and due date; and a meeting's
//! minutes to those invited, with the minutes attached.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use mail_builder::headers::address::Address;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::text::Text;
use mail_builder::MessageBuilder;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::export::dutch::{long_date, short_date};
use crate::export::{self, ExportFile};
use crate::meetings::{ActionItem, ActionItemFilter, ActionItemStatus};
use crate::network::ContactFilter;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

/// Someone a draft is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Recipient {
    pub name: String,
    pub email: String,
}

/// An e-mail for the coordinator to check and send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Draft {
    pub to: Vec<Recipient>,
    /// Whom it is meant for but Wieg has no e-mail address of.
    pub without_address: Vec<String>,
    pub subject: String,
    pub body: String,
    /// The `.eml` file's name.
    pub file_name: String,
    /// The same e-mail as a link (no attachment; the text may be shortened).
    pub mailto: String,
}

/// One owner's open action items, and the draft that asks after them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FollowUpDraft {
    /// The person or organisation.
    pub owner: Uuid,
    pub owner_name: String,
    pub open: u32,
    pub overdue: u32,
    pub draft: Draft,
}

/// Characters a `mailto:` link carries as they are (RFC 6068).
const MAILTO: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Longer links are cut off by some systems and mail programs.
const MAILTO_MAX: usize = 1900;

fn mailto(to: &[Recipient], subject: &str, body: &str) -> String {
    let addresses: Vec<String> = to
        .iter()
        .map(|r| {
            utf8_percent_encode(&r.email, MAILTO)
                .to_string()
                .replace("%40", "@")
        })
        .collect();
    let head = format!(
        "mailto:{}?subject={}&body=",
        addresses.join(","),
        utf8_percent_encode(subject, MAILTO)
    );
    // Line ends as CRLF (RFC 6068); shortened a line at a time, with a note.
    let lines: Vec<&str> = body.lines().collect();
    let encode = |text: &str| utf8_percent_encode(&text.replace('\n', "\r\n"), MAILTO).to_string();
    let full = encode(body);
    if head.len() + full.len() <= MAILTO_MAX {
        return head + &full;
    }
    let note = "\n\n(ingekort: de hele tekst staat in het .eml-bestand)";
    let mut keep = lines.len();
    while keep > 0 {
        let text = lines[..keep].join("\n") + note;
        let encoded = encode(&text);
        if head.len() + encoded.len() <= MAILTO_MAX {
            return head + &encoded;
        }
        keep -= 1;
    }
    head + &encode(note.trim())
}

fn new_draft(
    to: Vec<Recipient>,
    without_address: Vec<String>,
    subject: String,
    body: String,
    file_stem: &str,
) -> Draft {
    let file_name = export::file_name_with(file_stem, "eml");
    let mailto = mailto(&to, &subject, &body);
    Draft {
        to,
        without_address,
        subject,
        body,
        file_name,
        mailto,
    }
}

/// The draft as an `.eml` file, dated `when`, with `attachment` if given.
pub fn eml(draft: &Draft, when: DateTime<Utc>, attachment: Option<&ExportFile>) -> Result<Vec<u8>> {
    let to: Vec<Address> = draft
        .to
        .iter()
        .map(|r| Address::new_address(Some(r.name.as_str()), r.email.as_str()))
        .collect();
    let id = Uuid::new_v5(
        &Uuid::NAMESPACE_OID,
        format!("{}|{}|{}", draft.subject, draft.body, when.timestamp()).as_bytes(),
    );
    let mut message = MessageBuilder::new()
        .message_id(MessageId::new(format!("{id}@wieg.invalid")))
        .date(when.timestamp())
        .subject(draft.subject.as_str())
        .header("X-Unsent", Text::new("1"))
        .text_body(draft.body.as_str());
    if !to.is_empty() {
        message = message.to(Address::new_list(to));
    }
    if let Some(file) = attachment {
        message = message.attachment(
            content_type(&file.file_name),
            file.file_name.as_str(),
            file.bytes.as_slice(),
        );
    }
    message
        .write_to_vec()
        .map_err(|e| Error::InvalidInput(format!("e-mail: {e}")))
}

fn content_type(file: &str) -> &'static str {
    match file
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("odt") => "application/vnd.oasis.opendocument.text",
        _ => "application/octet-stream",
    }
}

/// "Beste Fatima," / "Beste allen,".
fn greeting(names: &[&str]) -> String {
    match names {
        [one] => format!("Beste {},", one.split_whitespace().next().unwrap_or(one)),
        _ => "Beste allen,".to_string(),
    }
}

/// `- text (meeting of date; uiterlijk date — verlopen)`.
fn item_line(item: &ActionItem, today: NaiveDate, with_meeting: bool) -> String {
    let mut line = format!("- {}", item.text);
    let mut about = Vec::new();
    if with_meeting && !item.meeting_title.is_empty() {
        about.push(match item.meeting_date {
            Some(d) => format!("{} van {}", item.meeting_title, short_date(Some(d))),
            None => item.meeting_title.clone(),
        });
    }
    if let Some(due) = item.due {
        about.push(if due < today {
            format!("uiterlijk {} — verlopen", short_date(Some(due)))
        } else {
            format!("uiterlijk {}", short_date(Some(due)))
        });
    }
    if !about.is_empty() {
        line.push_str(&format!(" ({})", about.join("; ")));
    }
    line
}

impl Workspace {
    /// Who an owner is to write to: the person, or the people of the
    /// organisation (those with a role in the coalition, else the first
    /// with an address).
    fn owner_recipients(&self, owner: Uuid, name: &str) -> Result<(Vec<Recipient>, Vec<String>)> {
        if let Ok(person) = self.contact(owner) {
            return Ok(if person.email.is_empty() {
                (Vec::new(), vec![person.name])
            } else {
                (
                    vec![Recipient {
                        name: person.name,
                        email: person.email,
                    }],
                    Vec::new(),
                )
            });
        }
        let people = self.list_contacts(&ContactFilter {
            organisation: Some(owner),
            ..Default::default()
        })?;
        let today = self.today();
        let reachable: Vec<_> = people
            .iter()
            .filter(|c| !c.email.is_empty() && c.active_to.is_none_or(|d| d >= today))
            .collect();
        let with_role: Vec<_> = reachable
            .iter()
            .filter(|c| c.coalition_role.is_some())
            .copied()
            .collect();
        let chosen = if with_role.is_empty() {
            reachable.into_iter().take(1).collect()
        } else {
            with_role
        };
        if chosen.is_empty() {
            return Ok((Vec::new(), vec![name.to_string()]));
        }
        Ok((
            chosen
                .into_iter()
                .map(|c| Recipient {
                    name: c.name.clone(),
                    email: c.email.clone(),
                })
                .collect(),
            Vec::new(),
        ))
    }

    /// Open action items per owner, overdue ones first, each with a draft.
    pub fn follow_up_drafts(&self) -> Result<Vec<FollowUpDraft>> {
        let today = self.today();
        let coalition = self.require_coalition()?.name;
        let items = self.list_action_items(&ActionItemFilter {
            status: Some(ActionItemStatus::Open),
            ..Default::default()
        })?;
        let mut per_owner: BTreeMap<Uuid, Vec<ActionItem>> = BTreeMap::new();
        for item in items {
            if let Some(owner) = item.owner {
                per_owner.entry(owner).or_default().push(item);
            }
        }
        let mut out = Vec::new();
        for (owner, mut items) in per_owner {
            items.sort_by_key(|i| (!i.overdue, i.due.is_none(), i.due));
            let owner_name = items[0].owner_name.clone();
            let (to, without) = self.owner_recipients(owner, &owner_name)?;
            let names: Vec<&str> = to.iter().map(|r| r.name.as_str()).collect();
            let overdue = items.iter().filter(|i| i.overdue).count() as u32;
            let mut body = format!(
                "{}\n\nVanuit {coalition} staan deze actiepunten nog open bij {}:\n\n",
                greeting(&names),
                if to.len() == 1 && self.contact(owner).is_ok() {
                    "jou".to_string()
                } else {
                    owner_name.clone()
                }
            );
            for item in &items {
                body.push_str(&item_line(item, today, true));
                body.push('\n');
            }
            body.push_str(
                "\nWil je laten weten hoe het ervoor staat, of wat je nodig hebt om ze af te ronden?\n\nMet vriendelijke groet,\n",
            );
            let subject = format!("Openstaande actiepunten {coalition} — {owner_name}");
            let draft = new_draft(
                to,
                without,
                subject,
                body,
                &format!("Actiepunten {owner_name}"),
            );
            out.push(FollowUpDraft {
                owner,
                owner_name,
                open: items.len() as u32,
                overdue,
                draft,
            });
        }
        out.sort_by_key(|f| (std::cmp::Reverse(f.overdue), fold(&f.owner_name)));
        Ok(out)
    }

    /// A meeting's minutes to those invited: the decisions and action items
    /// in the text, the minutes themselves attached by the caller.
    pub fn minutes_draft(&self, meeting: Uuid) -> Result<Draft> {
        let d = self.meeting_detail(meeting)?;
        let m = &d.meeting;
        let mut to = Vec::new();
        let mut without = Vec::new();
        for a in &d.attendees {
            match a.email.as_deref().filter(|e| !e.is_empty()) {
                Some(email) => to.push(Recipient {
                    name: a.name.clone(),
                    email: email.to_string(),
                }),
                None => without.push(a.name.clone()),
            }
        }
        let when = m
            .date
            .map(|d| format!(" van {}", long_date(d)))
            .unwrap_or_default();
        let mut body = format!(
            "Beste allen,\n\nIn de bijlage staan de notulen van {}{when}.\n",
            m.title
        );
        let decisions: Vec<&str> = d.decisions.iter().map(|x| x.text.as_str()).collect();
        if !decisions.is_empty() {
            body.push_str("\nBesluiten:\n");
            for text in decisions {
                body.push_str(&format!("- {text}\n"));
            }
        }
        if !d.action_items.is_empty() {
            let today = self.today();
            body.push_str("\nActiepunten:\n");
            for item in &d.action_items {
                let owner = if item.owner_name.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", item.owner_name)
                };
                body.push_str(&format!(
                    "- {owner}{}\n",
                    item_line(item, today, false).trim_start_matches("- ")
                ));
            }
        }
        body.push_str("\nMet vriendelijke groet,\n");
        let stem = format!(
            "Notulen {} {}",
            m.title,
            m.date.map(|d| d.to_string()).unwrap_or_default()
        );
        Ok(new_draft(
            to,
            without,
            format!("Notulen {}{when}", m.title),
            body,
            &stem,
        ))
    }
}

/// A meeting's minutes as an e-mail: the draft, and the minutes still to
/// be rendered (outside the workspace's lock).
#[derive(Debug, Clone)]
pub struct MinutesMail {
    pub draft: Draft,
    minutes: export::Prepared,
    when: DateTime<Utc>,
}

impl MinutesMail {
    /// The `.eml` file with the minutes attached.
    pub fn render(self) -> Result<ExportFile> {
        let minutes = self.minutes.render()?;
        Ok(ExportFile {
            file_name: self.draft.file_name.clone(),
            bytes: eml(&self.draft, self.when, Some(&minutes))?,
        })
    }
}

impl Workspace {
    /// Where drafts opened in the mail program are written: the data
    /// folder's `concepten/`.
    pub fn drafts_dir(&self) -> std::path::PathBuf {
        self.data_dir().join("concepten")
    }

    /// Every follow-up draft as an `.eml` file.
    pub fn follow_up_files(&self) -> Result<Vec<ExportFile>> {
        let now = self.now();
        self.follow_up_drafts()?
            .into_iter()
            .map(|f| {
                Ok(ExportFile {
                    bytes: eml(&f.draft, now, None)?,
                    file_name: f.draft.file_name,
                })
            })
            .collect()
    }

    /// One owner's follow-up draft as an `.eml` file.
    pub fn follow_up_file(&self, owner: Uuid) -> Result<ExportFile> {
        let follow_up = self
            .follow_up_drafts()?
            .into_iter()
            .find(|f| f.owner == owner)
            .ok_or(Error::NotFound {
                what: "openstaande actiepunten van",
                id: owner.to_string(),
            })?;
        Ok(ExportFile {
            bytes: eml(&follow_up.draft, self.now(), None)?,
            file_name: follow_up.draft.file_name,
        })
    }

    /// The minutes of `meeting` (for partners: without confidential items)
    /// as an e-mail to those invited.
    pub fn minutes_mail(&self, meeting: Uuid, format: export::ExportFormat) -> Result<MinutesMail> {
        Ok(MinutesMail {
            draft: self.minutes_draft(meeting)?,
            minutes: self.prepare_export(
                &export::ExportRequest::Minutes {
                    meeting,
                    confidential: false,
                },
                format,
                self.today(),
            )?,
            when: self.now(),
        })
    }
}
