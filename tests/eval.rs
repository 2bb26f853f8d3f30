//! `courtview eval` on tiny hand-made corpora, and `courtview match` end to end.

use courtview::Lang;
use courtview::entities::eval::{Format, eval_conllu, eval_iob2};
use std::io::Write;
use std::process::{Command, Stdio};

const CONLLU: &str = "# text = Верховного суда Казахстана.
1\tВерховного\tверховный\tPROPN\t_\t_\t2\tamod\t_\t_
2\tсуда\tсуд\tPROPN\t_\t_\t0\troot\t_\t_
3\tКазахстана\tКазахстан\tPROPN\t_\t_\t2\tnmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# text = Казахстан и суд.
1\tКазахстан\tКазахстан\tPROPN\t_\t_\t0\troot\t_\t_
2\tи\tи\tCCONJ\t_\t_\t3\tcc\t_\t_
3\tсуд\tсуд\tNOUN\t_\t_\t1\tconj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_
";

#[test]
fn conllu_runs_lemmas_and_restored_case() {
    let report = eval_conllu(Lang::Ru, &[CONLLU]);
    let all = report.get("all", 0).unwrap();
    // Gold: one run «Верховного суда Казахстана» (id `верховный суд Казахстан`: consecutive
    // PROPN words joined by a dependency), and Казахстан; the lower-case common noun суд is
    // not a mention.
    assert_eq!(
        (all.gold, all.found, all.predicted, all.correct),
        (2, 2, 2, 2)
    );
    assert_eq!(report.get("all", 1).unwrap().gold, 1);
    assert_eq!(report.get("all", 2).unwrap().gold, 1);
    assert_eq!(Format::guess("x.txt", CONLLU), Format::Conllu);
}

#[test]
fn iob2_per_class_with_derived_dictionary_forms() {
    let iob = "Қазақстанның B-GPE\nастанасы O\nАстана B-GPE\n. O\n\nАстанада B-GPE\nЖоғарғы B-ORGANISATION\nСоттың I-ORGANISATION\n. O\n";
    let report = eval_iob2(Lang::Kk, &[iob]);
    let gpe = report.get("GPE", 0).unwrap();
    assert_eq!(
        (gpe.gold, gpe.found, gpe.predicted, gpe.correct),
        (3, 3, 3, 3)
    );
    assert_eq!(report.get("ORGANISATION", 0).unwrap().found, 1);
    assert_eq!(Format::guess("valid.txt", iob), Format::Iob2);
}

#[test]
fn match_prints_json_lines_with_dates() {
    let dir = std::env::temp_dir().join(format!("courtview-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let names = dir.join("names.tsv");
    std::fs::write(&names, "kazakhstan\tҚазақстан\nhsak\tХСӘҚ\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_courtview"))
        .args(["match", "--lang", "kk", "--year", "2025", "--names"])
        .arg(&names)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Қазақстанның \"сот\"\n17-19 қараша ХСӘҚ-ның\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "{\"line\":1,\"start\":0,\"end\":24,\"id\":\"kazakhstan\",\"text\":\"Қазақстанның\"}\n\
         {\"line\":2,\"start\":0,\"end\":18,\"id\":\"2025-11-17/2025-11-19\",\"text\":\"17-19 қараша\"}\n\
         {\"line\":2,\"start\":19,\"end\":34,\"id\":\"hsak\",\"text\":\"ХСӘҚ-ның\"}\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
