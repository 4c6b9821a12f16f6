//! A canonical dump of the coalition: every synced table and the open
//! conflicts as JSON with sorted keys and rows sorted by id. Two replicas
//! that have seen the same changes give byte-identical dumps; replica-local
//! settings and the log's local order are left out.

use std::collections::BTreeMap;

use rusqlite::types::ValueRef;
use serde_json::Value;

use crate::error::Result;
use crate::workspace::Workspace;

type Row = BTreeMap<String, Value>;

impl Workspace {
    pub fn dump(&self) -> Result<String> {
        let mut root: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        for spec in self.registry().entities() {
            let columns: Vec<&str> = ["id", "updated_at"]
                .into_iter()
                .chain(spec.fields.iter().copied())
                .collect();
            let sql = format!(
                "SELECT {} FROM {} ORDER BY id",
                columns.join(", "),
                spec.table
            );
            root.insert(spec.table.to_string(), rows(self, &sql, &columns)?);
        }
        // Ids and clocks in their text form, as a person reads them.
        let conflicts = crate::changes::conflicts(self.conn())?
            .into_iter()
            .map(|c| {
                Row::from([
                    ("hlc".to_string(), Value::from(c.hlc.to_string())),
                    ("entity".to_string(), Value::from(c.entity)),
                    (
                        "entity_id".to_string(),
                        Value::from(c.entity_id.to_string()),
                    ),
                    ("field".to_string(), Value::from(c.field)),
                    ("value".to_string(), Value::from(c.value)),
                ])
            })
            .collect();
        root.insert("conflicts".into(), conflicts);
        let mut text = serde_json::to_string_pretty(&root)?;
        text.push('\n');
        Ok(text)
    }
}

fn rows(ws: &Workspace, sql: &str, columns: &[&str]) -> Result<Vec<Row>> {
    let mut stmt = ws.conn().prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let mut row = Row::new();
        for (i, column) in columns.iter().enumerate() {
            let value = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => {
                    Value::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>())
                }
            };
            row.insert((*column).to_string(), value);
        }
        out.push(row);
    }
    Ok(out)
}
