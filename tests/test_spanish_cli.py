"""Spanish where a person types and reads: the questions, the answers typed in either language, the refusals,
the help, the errors and the quiz in a real terminal.

The oracles are sentences worked out by hand from the Spanish catalog's rules (the glossary's words, "usted", US
figures) and the rule restated: a choice is read by its id or by its label in any language pathfinder speaks, case
and accents ignored, so no two choices of one question may read the same.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from helpers import find_pathfinder, strip_ansi
from pathfinder import i18n
from pathfinder.cli.app import app
from pathfinder.core.answers import accepted, match_header, parse_typed, question_named, read_text, refusal
from pathfinder.core.questions import QUESTIONS, QUESTIONS_BY_ID
from pathfinder.errors import PathfinderError

GOAL = QUESTIONS_BY_ID["goal"]
BUDGET = QUESTIONS_BY_ID["budget_usd"]
TIMELINE = QUESTIONS_BY_ID["timeline_months"]
STYLE = QUESTIONS_BY_ID["learning_style"]




def _same(text: str) -> str:
    """How a typed answer is compared: case, accents and spaces ignored."""
    plain = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


# --- the choices, in both languages ------------------------------------------------------------------


@pytest.mark.parametrize("question", [q for q in QUESTIONS if q.kind == "choice"], ids=lambda q: q.id)
def test_no_two_choices_of_a_question_read_the_same_in_either_language(question: object) -> None:
    """Each language's labels are distinct within a question, and no spelling (an id, or a label in English or in
    Spanish) names two different choices: otherwise a typed answer could not be read."""
    assert hasattr(question, "choices")
    spellings: dict[str, object] = {}
    for code in i18n.LANGUAGES:
        i18n.set_language(code)
        try:
            labels = [_same(c.label) for c in question.choices]
        finally:
            i18n.set_language("en")
        assert len(set(labels)) == len(labels), (code, labels)
        for choice, label in zip(question.choices, labels, strict=True):
            assert spellings.setdefault(label, choice.value) == choice.value, (code, label)
    for choice in question.choices:
        if choice.value is not None:
            assert spellings.setdefault(_same(choice.value.replace("_", " ")), choice.value) == choice.value


SAME_IN_SPANISH = {"No"}  # a label the Spanish writes as the English does (the experience question's answer)


def test_the_spanish_labels_are_really_translated() -> None:
    """Every title, prompt, help line and choice reads differently in Spanish (none is left in English)."""
    i18n.set_language("es")
    try:
        untranslated = [(q.id, c.english_label) for q in QUESTIONS for c in q.choices
                        if c.label == c.english_label and c.english_label not in SAME_IN_SPANISH]
        untranslated += [(q.id, text) for q in QUESTIONS for text, english in (
            (q.title, q.english_title), (q.prompt, q.english_prompt), (q.help, q.english_help)) if text == english]
    finally:
        i18n.set_language("en")
    assert untranslated == []


@pytest.mark.parametrize(("question", "typed", "value"), [
    (GOAL, "Codificación médica", "coding"),
    (GOAL, "codificacion medica", "coding"),  # typed without accents
    (GOAL, "  FACTURACIÓN Y RECLAMACIONES AL SEGURO ", "billing"),
    (GOAL, "Todavía no lo sé", None),
    (STYLE, "Práctica con tareas reales", "hands_on"),
    (STYLE, "Hands-on practice with real tasks", "hands_on"),
    (QUESTIONS_BY_ID["remote"], "Me da igual", "no_preference"),
    (QUESTIONS_BY_ID["education"], "Título asociado", "associate"),
])
def test_a_choice_is_read_by_its_label_in_either_language_whatever_the_run_speaks(
        question: object, typed: str, value: str | None) -> None:
    for code in i18n.LANGUAGES:
        i18n.set_language(code)
        try:
            assert read_text(question, typed) == value  # type: ignore[arg-type]
        finally:
            i18n.set_language("en")


def test_a_cell_naming_two_choices_in_spanish_is_asked_to_choose_one(spanish: None) -> None:
    assert refusal(GOAL, "Codificación médica; Facturación y reclamaciones al seguro") == (
        "'Codificación médica; Facturación y reclamaciones al seguro' marca 2 respuestas (Codificación médica y "
        "Facturación y reclamaciones al seguro): elija una sola")


def test_a_spanish_forms_headers_are_read_as_the_questions() -> None:
    """A Google Form in Spanish: its titles, pathfinder's own Spanish titles and prompts, in an English run."""
    assert question_named("¿Cuánto dinero puede gastar?") == "budget_usd"
    assert question_named("Cuanto dinero puede gastar") == "budget_usd"  # punctuation and accents ignored
    assert question_named("Meta profesional") == "goal"  # the Spanish title
    assert question_named("¿En cuántos meses quiere estar trabajando?") == "timeline_months"  # the Spanish prompt
    found = match_header(["Nombre", "¿Cuánto dinero puede gastar?", "Forma de aprender", "Plazo"])
    assert {i: q.id for i, q in found.columns.items()} == {1: "budget_usd", 2: "learning_style", 3: "timeline_months"}
    assert found.unknown == [0]


def test_every_header_wording_names_one_question() -> None:
    """No wording (an id, a title or prompt in either language, a form's words) is shared by two questions."""
    from pathfinder.core.answers import header_key

    seen: dict[str, str] = {}
    for question in QUESTIONS:
        names = {question.id, *question.also_read_as, *i18n.in_every_language(question.english_title),
                 *i18n.in_every_language(question.english_prompt)}
        for name in names:
            assert seen.setdefault(header_key(name), question.id) == question.id, name


# --- what a Spanish run says ---------------------------------------------------------------------------


def test_the_questions_speak_spanish(spanish: None) -> None:
    assert GOAL.title == "Meta profesional"
    assert GOAL.prompt == "¿Qué trabajo le gustaría más llegar a hacer?"
    assert [c.label for c in STYLE.choices] == ["Una mezcla de ambas", "Analizando, leyendo y trabajando con sistemas",
                                                "Práctica con tareas reales"]
    assert TIMELINE.label_for(12) == "12 meses"
    assert TIMELINE.label_for(1) == "1 mes"
    assert BUDGET.label_for(5000) == "$5,000"  # US figures in Spanish too
    assert BUDGET.label_for(None) == "no está seguro(a)"


def test_a_refusal_says_what_to_type_in_spanish(spanish: None) -> None:
    assert accepted(TIMELINE) == "Escriba un número entero de 1 a 120, como 12, 12 meses o 1 año."
    assert accepted(BUDGET) == ("Escriba un número de 0 a 1,000,000, como 5000, 5,000, $5,000 o 5k, o ? si no está "
                                "seguro(a).")
    with pytest.raises(PathfinderError) as caught:
        parse_typed(TIMELINE, "doce")
    assert caught.value.message == accepted(TIMELINE)
    assert parse_typed(TIMELINE, "2 años") == 24
    assert refusal(TIMELINE, "200") == ("'200' está fuera del rango (escriba un número de meses de 1 a 120, como 12, "
                                        "12 meses o 1 año, o déjelo en blanco para 48 meses)")


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_a_bad_answer_on_the_command_line_is_refused_in_spanish() -> None:
    done = run("--lang", "es", "quiz", "--defaults", "--set", "budget_usd=mucho", "--set", "colour=red")
    assert done.exit_code == 2  # type: ignore[attr-defined]
    assert done.stderr.splitlines() == [  # type: ignore[attr-defined]
        "pathfinder: respuestas no válidas:",
        "  budget_usd: 'mucho' no es un número (se acepta: un número de 0 a 1,000,000, o null si no está seguro(a); "
        "escrito así: 5000, 5,000, $5,000 o 5k)",
        "  'colour': id de pregunta desconocido; ids válidos: goal, budget_usd, timeline_months, learning_style, "
        "interest, strength, priority, education, experience, remote, challenge",
    ]


def test_no_terminal_to_ask_in_is_said_in_spanish() -> None:
    done = run("--lang", "es", "quiz", "--set", "goal=coding")
    assert done.exit_code == 2  # type: ignore[attr-defined]
    assert done.stderr.startswith("pathfinder: no hay una terminal donde preguntar, y faltan estas respuestas: "  # type: ignore[attr-defined]
                                  "budget_usd, timeline_months,")


def test_a_missing_programs_file_is_said_in_spanish(tmp_path: Path) -> None:
    done = run("--lang", "es", "--data", str(tmp_path / "nada.json"), "compare")
    assert done.exit_code == 2  # type: ignore[attr-defined]
    assert done.stderr == f"pathfinder: archivo de programas {tmp_path / 'nada.json'}: no existe ese archivo\n"  # type: ignore[attr-defined]


def test_the_help_speaks_spanish() -> None:
    done = run("--lang", "es", "quiz", "--help")
    text = " ".join(done.stdout.split())  # type: ignore[attr-defined]
    assert text.startswith("Uso: pathfinder quiz [OPCIONES] Contestar unas pocas preguntas y recibir una "
                           "recomendación con sus razones.")
    assert "--answers ARCHIVO Tomar las respuestas de un archivo JSON" in text
    assert "pathfinder quiz --answers mis-respuestas.json --details" in text
    top = " ".join(run("--lang", "es", "--help").stdout.split())  # type: ignore[attr-defined]
    assert "quiz Contestar unas pocas preguntas y recibir una recomendación con sus razones. score " in top


def test_the_questions_json_speaks_spanish_and_keeps_its_keys_and_ids() -> None:
    english = json.loads(run("questions", "--json").stdout)  # type: ignore[attr-defined]
    spanish = json.loads(run("--lang", "es", "questions", "--json").stdout)  # type: ignore[attr-defined]
    goal = spanish["questions"][0]
    assert (goal["id"], goal["title"], goal["kind"]) == ("goal", "Meta profesional", "choice")
    assert goal["choices"][4] == {"value": "coding", "label": "Codificación médica"}
    assert "¿Cuál es su meta profesional?" in goal["also_read_as"]

    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return type(value).__name__

    assert shape(spanish) == shape(english)
    assert [q["id"] for q in spanish["questions"]] == [q["id"] for q in english["questions"]]


# --- the quiz in a real terminal ---------------------------------------------------------------------------

ENTER, CTRL_C = "\r", "\x03"


def test_the_quiz_in_spanish_in_a_terminal(tmp_path: Path) -> None:
    """The first question in Spanish; a bad number refused in Spanish and asked again; "12 meses" taken; a Spanish
    choice label given with --set taken (that question is not asked); the review screen in Spanish."""
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="40", PROMPT_TOOLKIT_NO_CPR="1")
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(find_pathfinder(), ["--lang", "es", "quiz", "--set", "learning_style=Práctica con tareas "
                                              "reales"], env=env, cwd=str(tmp_path), dimensions=(40, 100),
                          encoding="utf-8", codec_errors="replace", timeout=30)
    try:
        child.expect_exact("(1 de 11) ¿Qué trabajo le gustaría más llegar a hacer?")
        child.expect_exact("Flechas y luego Enter.")
        child.expect_exact("Todavía no lo sé")
        child.send(ENTER)
        child.expect_exact("(2 de 11) ¿Presupuesto total para matrícula y cuotas (USD)?")
        child.send("5k" + ENTER)
        child.expect_exact("(3 de 11) ¿En cuántos meses quiere estar trabajando?")
        child.expect_exact("Escríbalo así: 12, 12 meses o 1 año.")
        child.send("doce")
        child.expect_exact("doce")
        child.send(ENTER)
        child.expect_exact("Escriba un número entero de 1 a 120, como 12, 12 meses o 1 año.")
        child.send("\x7f" * 4)
        child.send("12 meses")
        child.expect_exact("12 meses")
        child.send(ENTER)
        child.expect_exact("(5 de 11) ¿Qué le interesa más?")  # learning style (4) came with --set
        child.send(ENTER)
        for position in range(6, 12):
            child.expect_exact(f"({position} de 11)")
            child.send(ENTER)
        child.expect_exact("Revise sus respuestas")
        child.expect(r"Plazo: 12\s+meses")
        child.expect(r"Forma de aprender: Práctica\s+con\s+tareas\s+reales")
        child.send(CTRL_C)
        rest = strip_ansi(child.read())
        child.close()
    finally:
        child.close(force=True)
    assert child.exitstatus == 130, rest
    assert "pathfinder: interrumpido" in rest
    assert "Traceback" not in rest
