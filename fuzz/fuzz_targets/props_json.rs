#![no_main]
//! The attribute JSON reader (`props_json`) against decoding the references then serde_json:
//! where the fast reader reads a value, it is serde_json's; where serde_json refuses the
//! input, the fast reader does too. The input is a raw `data-props` value.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(diff) = hf_papers::fuzzing::props_json_agrees(raw) {
        panic!("props_json disagrees with decode + serde_json on {raw:?}:\n{diff}");
    }
});
