"""The reference sentences of every Output of the Buenos Aires Action Plan (seed 001; seed 000 has
the same three sentences for Outputs 2.1-2.3), with the ids each one names, written out by reading
the text (typos and odd separators included: "9, 10 11, 15" is 9, 10, 11, 15). These sets are the
oracle of test_refs_seeds.py and test_refs_corpus.py; they are not computed by the code under test.
"""

from __future__ import annotations

from dataclasses import dataclass


def pp(*numbers: int) -> set[str]:
    return {f"PP-RES-{n}" for n in numbers}


def wtdc(*numbers: int) -> set[str]:
    return {f"WTDC-RES-{n}" for n in numbers}


def dec(*numbers: int) -> set[str]:
    return {f"PP-DEC-{n}" for n in numbers}


def wsis(*numbers: int) -> set[str]:
    return {f"WSIS-C{n}" for n in numbers}


def goals(*numbers: int) -> set[str]:
    return {f"SDG-{n}" for n in numbers}


def targets(text: str) -> set[str]:
    return {f"SDG-{t}" for t in text.split()}


@dataclass(frozen=True)
class OutputRefs:
    """One Output's three reference sentences and what they name."""

    output: str
    resolutions_text: str
    wsis_text: str
    sdg_text: str
    resolutions: set[str]
    wsis: set[str]
    sdg_goals: set[str]
    sdg_targets: set[str]
    duplicates: tuple[str, ...] = ()
    blanket: bool = False  # the resolutions sentence says "all WTDC Resolutions"


SDG_OBJ1 = (
    "Output {n} will contribute to the achievement of the following UN SDGs: 1, 3, (target 3.d), 5, 10, "
    "16 (targets 16.5, 16.6, 16.8), 17 (targets 17.9, 17.16, 17.17, 17.18, 17.19)"
)
WSIS_C1_C11 = (
    "The implementation of the WSIS Action Lines C1 and C11 will support the Output {n} and will contribute "
    "to the achievement of Outcome {o}"
)
OBJ1_GOALS = goals(1, 3, 5, 10, 16, 17)
OBJ1_TARGETS = targets("3.d 16.5 16.6 16.8 17.9 17.16 17.17 17.18 17.19")

OUTPUTS: list[OutputRefs] = [
    OutputRefs(
        "1.1",
        "The implementation of PP Decisions 5, 13, PP Resolutions 25, 71, 72, 77, 131, 135, 139, 140, 151, 154, 165, "
        "167 and all WTDC Resolutions will support Output 1.1 and will contribute to the achievement of Outcome 1.1",
        WSIS_C1_C11.format(n="1.1", o="1.1"),
        SDG_OBJ1.format(n="1.1"),
        dec(5, 13) | pp(25, 71, 72, 77, 131, 135, 139, 140, 151, 154, 165, 167),
        wsis(1, 11), OBJ1_GOALS, OBJ1_TARGETS, blanket=True,
    ),
    OutputRefs(
        "1.2",
        "The implementation of PP Decisions 5, 13, PP Resolutions 25, 71, 135, 140, 165, 167 and all WTDC Resolutions "
        "will support Output 1.2 and will contribute to the achievement of Outcome 1.1",
        WSIS_C1_C11.format(n="1.2", o="1.1"),
        SDG_OBJ1.format(n="1.2"),
        dec(5, 13) | pp(25, 71, 135, 140, 165, 167),
        wsis(1, 11), OBJ1_GOALS, OBJ1_TARGETS, blanket=True,
    ),
    OutputRefs(
        "1.3",
        "The implementation of PP Decisions 5, 13, PP Resolutions 25, 71, 135, 140, 151, 154, 165, 167, WTDC "
        "Resolutions 9 and 10 will support Output 1.3 and will contribute to the achievement of Outcome 1.2",
        WSIS_C1_C11.format(n="1.3", o="1.2"),
        SDG_OBJ1.format(n="1.3"),
        dec(5, 13) | pp(25, 71, 135, 140, 151, 154, 165, 167) | wtdc(9, 10),
        wsis(1, 11), OBJ1_GOALS, OBJ1_TARGETS,
    ),
    OutputRefs(
        "1.4",
        "The implementation of PP Decisions 5, 12, PP Resolutions 70, 166, 167 and 188, WTDC Resolutions 1, 2, 5, 9, "
        "21, 30, 37, 59, 61 and 71 will support Output 1.4 and will contribute to the achievement of Outcome 1.3",
        WSIS_C1_C11.format(n="1.4", o="1.3"),
        "Output 1.4 will contribute to the achievement of the following UN SDGs: 1 (target 1.b), 3 (target 3.d), 5, "
        "10, 16 (targets 16.5, 16.6, 16.10), 17 (targets 17.9, 17.16, 17.17, 17.18).",
        dec(5, 12) | pp(70, 166, 167, 188) | wtdc(1, 2, 5, 9, 21, 30, 37, 59, 61, 71),
        wsis(1, 11), goals(1, 3, 5, 10, 16, 17), targets("1.b 3.d 16.5 16.6 16.10 17.9 17.16 17.17 17.18"),
    ),
    OutputRefs(
        "1.5",
        "The implementation of all WTDC Resolutions will support Output 1.5 and will contribute to the achievement "
        "of Outcome 1.1",
        WSIS_C1_C11.format(n="1.5", o="1.1"),
        SDG_OBJ1.format(n="1.5"),
        set(), wsis(1, 11), OBJ1_GOALS, OBJ1_TARGETS, blanket=True,
    ),
    OutputRefs(
        "1.6",
        "The implementation of PP Resolution 135 and 140 and WTDC Resolutions 17, 30, 32, 53 and 71 will support "
        "Output 1.6 and will contribute to the achievement of Outcome 1.3",
        WSIS_C1_C11.format(n="1.6", o="1.3"),
        "Output 1.6 will contribute to the achievement of the following UN SDGs: 1 (target 1.a), 17 (targets 17.3, "
        "17.16 and 17.17)",
        pp(135, 140) | wtdc(17, 30, 32, 53, 71),
        wsis(1, 11), goals(1, 17), targets("1.a 17.3 17.16 17.17"),
    ),
    OutputRefs(
        "2.1",
        "The implementation of PP Resolutions  32, 33,  34, 64, 101, 123, 125, 126, 127, 130, 131, 127, 135, 137, "
        "139, 140, 159, 160, 161, 176, 177, 180, 188, 193, 197, 199, 200, 203 and WTDC Resolutions 9, 10 11, 15, 17, "
        "18, 20, 21, 30, 32, 33, 35, 37, 47, 50, 52, 57, and 62 will support Output 2.1 and will contribute to the "
        "achievement of Outcome 2.1",
        "The implementation of the WSIS Action Lines C1, C2, C3, C9 and C11 will support the Output 2.1 and will "
        "contribute to the achievement of Outcome 2.1",
        "Output 2.1 will contribute to the achievement of the following UN SDGs: 1 (targets 1.4, 1.5), 3 (targets "
        "3.8, 3.d), 5 (target 5.b), 8 (target 8.2), 9 (targets 9.1, 9.a, 9.c), 10 (target 10.c), 11 (targets 11.5, "
        "11.b), 16 (target 16.10), 17 (targets 17.6 and 17.7)",
        pp(32, 33, 34, 64, 101, 123, 125, 126, 127, 130, 131, 135, 137, 139, 140, 159, 160, 161, 176, 177, 180, 188,
           193, 197, 199, 200, 203)
        | wtdc(9, 10, 11, 15, 17, 18, 20, 21, 30, 32, 33, 35, 37, 47, 50, 52, 57, 62),
        wsis(1, 2, 3, 9, 11), goals(1, 3, 5, 8, 9, 10, 11, 16, 17),
        targets("1.4 1.5 3.8 3.d 5.b 8.2 9.1 9.a 9.c 10.c 11.5 11.b 16.10 17.6 17.7"),
        duplicates=("PP-RES-127",),
    ),
    OutputRefs(
        "2.2",
        "The implementation of PP Resolutions 71, 101, 130, 174, 179 and WTDC Resolutions 17, 21, 30, 32, 45, 50, 52, "
        "67, 69 and 80 will support Output 2.2 and will contribute to the achievement of Outcome 2.2",
        "The implementation of the WSIS Action Lines C5 will support the Output 2.2 and will contribute to the "
        "achievement of Outcome 2.2",
        "Output 2.2 will contribute to the achievement of the following UN SDGs: SDG 4, 9, 11 and 16",
        pp(71, 101, 130, 174, 179) | wtdc(17, 21, 30, 32, 45, 50, 52, 67, 69, 80),
        wsis(5), goals(4, 9, 11, 16), set(),
    ),
    OutputRefs(
        "2.3",
        "The implementation of PP Resolution 36, 136 and WTDC Resolutions 34 will support Output 2.3 and will "
        "contribute to the achievement of Outcome 2.3",
        "The implementation of the WSIS Action Lines C2 and C7 will support the Output 2.3 and will contribute to "
        "the achievement of Outcome 2.3",
        "Output 2.3 will contribute to the achievement of the following UN SDGs: 1 (target 1.5), 3 (target 3.9), "
        "5 (target 5b), 11 (target 11b), 13 (targets 13.1, 13.2, 13.3)",
        pp(36, 136) | wtdc(34),
        wsis(2, 7), goals(1, 3, 5, 11, 13), targets("1.5 3.9 5.b 11.b 13.1 13.2 13.3"),
    ),
    OutputRefs(
        "3.1",
        "The implementation of PP Resolutions 21, 22, 102, 135, 138, 139, 174, 188, 191, 195, 196, 201 and WTDC "
        "Resolutions 8, 17, 22, 23, 30, 32, 37, 48, 64, 71, 77, 78 and 79 and Recommendations ITU-D 15 and ITU-D 16 "
        "will support Output 3.1 and will contribute to the achievement of Outcome 3.1",
        "The implementation of the WSIS Action Lines C6 will support the Output 3.1 and will contribute to the "
        "achievement of Outcome 3.1",
        "Output 3.1 will contribute to the achievement of the following UN SDGs: 2 (target 2.a), 4 (target 4.4), "
        "5 (target 5.b), 8 (targets 8.2, 8.3), 9 (targets 9.1, 9.c), 10 (target 10.3), 11 (targets 11.3, 11.b), "
        "16 (targets 16.3, 16.6, 16.7, 16.10, 16.b), 17 (targets 17.6, 17.14, 17.16)",
        pp(21, 22, 102, 135, 138, 139, 174, 188, 191, 195, 196, 201)
        | wtdc(8, 17, 22, 23, 30, 32, 37, 48, 64, 71, 77, 78, 79) | {"ITU-D-REC-15", "ITU-D-REC-16"},
        wsis(6), goals(2, 4, 5, 8, 9, 10, 11, 16, 17),
        targets("2.a 4.4 5.b 8.2 8.3 9.1 9.c 10.3 11.3 11.b 16.3 16.6 16.7 16.10 16.b 17.6 17.14 17.16"),
    ),
    OutputRefs(
        "3.2",
        "The implementation of PP Resolutions 70, 131, 179 and 200 and WTDC Resolutions 8, 30 and 37 will support "
        "Output 3.2 and will contribute to the achievement of Outcome 3.2",
        "ICT Statistics are relevant to the monitoring of the implementation of all WSIS Action Lines of the Geneva "
        "Plan of Action and are referred to in paragraphs 112-119 of the Tunis Agenda for the Information Society, "
        "as well as paragraphs 70 of the Outcome Document of the High-Level Meeting of the General Assembly on the "
        "Overall Review of the Implementation of WSIS Outcomes.",
        "ICT Statistics are relevant to the monitoring of the implementation of all SDGs and are referred to in "
        "paragraphs 48, 57, 74-76, 83 of the 2030 Agenda for Sustainable Development.",
        pp(70, 131, 179, 200) | wtdc(8, 30, 37),
        set(), set(), set(),
    ),
    OutputRefs(
        "3.3",
        "The implementation of PP resolutions 25, 71, 72, 137, 139, 140, 169, 176, 188, 189, 197, 199, 202 and WTDC "
        "Resolutions 73, 40, 11, 17, 35, 37, 38, 56, 48, 55, 56, 58, and 67 will support Output 3.3 and will "
        "contribute to the achievement of Outcome 3.3",
        "The implementation of the WSIS Action Lines C4 will support the Output 3.3 and will contribute to the "
        "achievement of Outcome 3.3",
        "Output 3.3 will contribute to the achievement of the following UN SDGs: 1 (target 1.b), 2 (target 2.3), "
        "3 (targets 3.7, 3.b, 3.d), 4 (targets 4.4, 4.7), 5 (targets 5.5, 5.b), 6 (target 6.a), 12 (targets 12.7, "
        "12.8, 12.a, 12.b), 13 (targets 13.2, 13.3, 13.b), 14 (target 14.a), 16 (target 16.a), 17 (targets 17.9, "
        "17.18)",
        pp(25, 71, 72, 137, 139, 140, 169, 176, 188, 189, 197, 199, 202)
        | wtdc(11, 17, 35, 37, 38, 40, 48, 55, 56, 58, 67, 73),
        wsis(4), goals(1, 2, 3, 4, 5, 6, 12, 13, 14, 16, 17),
        targets("1.b 2.3 3.7 3.b 3.d 4.4 4.7 5.5 5.b 6.a 12.7 12.8 12.a 12.b 13.2 13.3 13.b 14.a 16.a 17.9 17.18"),
        duplicates=("WTDC-RES-56",),
    ),
    OutputRefs(
        "3.4",
        "The implementation of PP Resolution 200 and WTDC Resolutions 17, 71 will support Output 3.4 and will "
        "contribute to the achievement of Outcome 3.4",
        "The implementation of the WSIS Action Lines C1, C2, C3, C4, C5, C6, C7, and C11 will support the Output "
        "3.4 and will contribute to the achievement of Outcome 3.4",
        "Output 3.4 will contribute to the achievement of the following UN SDGs: 1 (targets 1.1, 1.2, 1.4, 1.a, "
        "1.b), 2 (target 2.a), 3 (targets 3.8, 3.a, 3.b), 4 (targets 4.1, 4.3, 4.4, 4.5, 4.6, 4.7, 4.a), 5 (targets "
        "5.1, 5.5 ,5.a, 5.b, 5.c), 9 (targets 9.a, 9.b), 12 (target 12.7), 16 (targets 16.7, 16.8, 16.10, 16.b), "
        "17 (targets 17.3, 17.6, 17.7, 17.8, 17.16 and 17.17)",
        pp(200) | wtdc(17, 71),
        wsis(1, 2, 3, 4, 5, 6, 7, 11), goals(1, 2, 3, 4, 5, 9, 12, 16, 17),
        targets("1.1 1.2 1.4 1.a 1.b 2.a 3.8 3.a 3.b 4.1 4.3 4.4 4.5 4.6 4.7 4.a 5.1 5.5 5.a 5.b 5.c 9.a 9.b 12.7 "
                "16.7 16.8 16.10 16.b 17.3 17.6 17.7 17.8 17.16 17.17"),
    ),
    OutputRefs(
        "4.1",
        "The implementation of PP Resolution 30 and WTDC Resolutions 16 will support Output 4.1 and will contribute "
        "to the achievement of Outcome 4.1",
        "The implementation of the WSIS Action Lines C2, C6 and C7 will support the Output 4.1 and will contribute "
        "to the achievement of Outcome 4.1",
        "Output 4.1 will contribute to the achievement of the following UN SDGs: 1 (targets 1.4, 1.5), 3 (target "
        "3.9), 7 (target 7.b), 8 (target 8a), 9 (targets 9a, 9b, 9c), 11 (target 11.5), 13 (target 13b), 17 "
        "(targets 17.8, and 17.18)",
        pp(30) | wtdc(16),
        wsis(2, 6, 7), goals(1, 3, 7, 8, 9, 11, 13, 17),
        targets("1.4 1.5 3.9 7.b 8.a 9.a 9.b 9.c 11.5 13.b 17.8 17.18"),
    ),
    OutputRefs(
        "4.2",
        "The implementation of PP Resolution 139, 183, 201, WTDC Resolutions 17, 21, 30, 32, 37, 50, 52, 53 and 54 "
        "will support Output 4.2 and will contribute to the achievement of Outcome 4.2",
        "The implementation of the WSIS Action Lines C7 will support the Output 4.2 and will contribute to the "
        "achievement of Outcome 4.2",
        "Output 4.2 will contribute to the achievement of the following UN SDGs:  2 (targets 2.1, 2.3, 2.4, 2.5), "
        "3 (targets 3.1, 3.2, 3.4, 3.5, 3.6, 3.a, 3.7), 4 (targets 4.1, 4.3, 4.4, 4.5, 4.c), 6 (targets 6.1, 6.4, "
        "6.5), 7 (targets 7.1, 7.2, 7.3), 11 (targets 11.2, 11.6)",
        pp(139, 183, 201) | wtdc(17, 21, 30, 32, 37, 50, 52, 53, 54),
        wsis(7), goals(2, 3, 4, 6, 7, 11),
        targets("2.1 2.3 2.4 2.5 3.1 3.2 3.4 3.5 3.6 3.a 3.7 4.1 4.3 4.4 4.5 4.c 6.1 6.4 6.5 7.1 7.2 7.3 11.2 11.6"),
    ),
    OutputRefs(
        "4.3",
        "The implementation of PP Resolutions 70, 175, 184 and 198, and WTDC Resolutions 11, 17, 21, 30, 32, 37, "
        "46, 50, 52, 55, 58, 68 and 76 will support Output 4.3 and will contribute to the achievement of Outcome 4.3",
        "The implementation of the WSIS Action Lines C2, C3, C4, C6, C7 and C8 will support the Output 4.3 and will "
        "contribute to the achievement of Outcome 4.3",
        "Output 4.3 will contribute to the achievement of the following UN SDGs: 4 (targets 4.3, 4.4, 4.5), "
        "5 (targets 5.5, 5b), 8 (targets 8.2, 8.3, 8.5, 8.6, 8b), 10 (target 10.2), 17 (target 17.17)",
        pp(70, 175, 184, 198) | wtdc(11, 17, 21, 30, 32, 37, 46, 50, 52, 55, 58, 68, 76),
        wsis(2, 3, 4, 6, 7, 8), goals(4, 5, 8, 10, 17),
        targets("4.3 4.4 4.5 5.5 5.b 8.2 8.3 8.5 8.6 8.b 10.2 17.17"),
    ),
    OutputRefs(
        "4.4",
        "The implementation of PP Resolution 182 and WTDC Resolutions 34 will support Output 4.4 and will contribute "
        "to the achievement of Outcome 4.4",
        "The implementation of the WSIS Action Lines C7 will support the Output 4.4 and will contribute to the "
        "achievement of Outcome 4.4",
        "Output 4.4 will contribute to the achievement of the following UN SDGs: 3 (target 3.9), 5 (target 5b), "
        "11 (targets 11b), 13 (targets 13.1, 13.2 and 13.3)",
        pp(182) | wtdc(34),
        wsis(7), goals(3, 5, 11, 13), targets("3.9 5.b 11.b 13.1 13.2 13.3"),
    ),
]

BY_OUTPUT = {o.output: o for o in OUTPUTS}
