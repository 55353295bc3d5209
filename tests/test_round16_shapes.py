"""Stories: write-ups in the shapes round 16's editors found read wrong.

A phone group chat with dotted times ("7.05 to 9.40") and a team that says it has no root cause; a spreadsheet
change log in Spanish ("Horas en CLT", "Ventana CLT") whose payment provider is asked for things; a Slack Canvas
whose window is a table with rows labelled Start and End; a OneNote page whose screenshot caption holds a range and
whose start is typed "START   11:38 PM". These write-ups are invented for the tests.
"""
from __future__ import annotations

from drafting.facts.build import build_sheet

PHONE_CHAT = """\
Messages — group "Swim school on-call"
[Copied off Mere's phone. Header times are phone time (NZST).]

Tue, 18 Jun at 7:14 am
Hemi: booking screens stuck on "Saving…" at four pools
Mere: first failed save in the logs is 7.05. the 4.12 build is only on two pools, not it
Hemi: last pool caught up 9.40
Mere: for the customer note: 7.05 to 9.40
Mere: for the write-up. still NO root cause. not claiming any of the candidates to customers
"""


def test_dotted_times_in_a_phone_chat_are_clock_times_and_a_version_is_not(window_of):
    # 07:05-09:40 NZST (UTC+12) on 18 June is 19:05-21:40 UTC on 17 June.
    assert window_of(PHONE_CHAT) == ("2024-06-17 19:05", "2024-06-17 21:40")


def test_no_root_cause_keeps_the_cause_open_and_no_kind_is_told(open_cause):
    assert "security key" not in open_cause(PHONE_CHAT)


SPANISH_LOG = """\
Archivo: Reservas_INC_2024-07-13_registro.xlsx
Horas en CLT (UTC-4, horario de invierno). PagoSur portal + nuestros logs están en UTC.

=== Hoja: Registro ===
Rev | Fecha      | Hora  | Autor    | Campo   | Cambio
1   | 13-07-2024 | 09:05 | M. Soto  | Resumen | Buyers charged twice for kayak bookings. Start approx 08:40.
2   | 13-07-2024 | 09:48 | j.rojas  | Contexto | PagoSur status page: "latencia degradada" since 12:00 UTC.
3   | 13-07-2024 | 11:52 | M. Soto  | Inicio  | START CORRECTED 08:40 -> 08:12. First duplicate at 12:12 UTC.
4   | 13-07-2024 | 11:55 | M. Soto  | Fin     | END 11:47. Checkout normal since.
5   | 15-07-2024 | 09:30 | M. Soto  | Reembolsos | Refund batch sent to PagoSur: 210 duplicate charges.

=== Hoja: Impacto ===
Métrica        | Valor
Ventana CLT    | 08:12 - 11:47

=== Hoja: Acciones ===
1 | Ask PagoSur for maintenance notices in advance
"""


def test_a_spanish_log_s_zone_and_window_are_read(window_of):
    # 08:12-11:47 CLT (UTC-4) is 12:12-15:47 UTC.
    assert window_of(SPANISH_LOG) == ("2024-07-13 12:12", "2024-07-13 15:47")


def test_the_payment_provider_asked_for_things_is_not_the_product():
    sheet = build_sheet(SPANISH_LOG)
    assert not any("PagoSur" in str(p.value) for p in sheet.products)


CANVAS = """\
# Request help outage — Sat 8 Mar 2025

Times IST unless marked.

- **17:30** Technician app release to 100%

## Impact window
| | IST | UTC |
|---|---|---|
| Start | Sat 8 Mar 18:22 | 12:52Z |
| End | Sat 8 Mar 20:09 | 14:39Z |
| Duration | 1 h 47 min | |

Members could not request roadside help in the app.
"""


def test_a_table_with_rows_labelled_start_and_end_gives_the_window_not_the_release_time(window_of):
    assert window_of(CANVAS) == ("2025-03-08 12:52", "2025-03-08 14:39")


ONENOTE = """\
e-Filing outage — month-end (Fri Jan 31 2025), all times AKST unless marked

 • Filers could not submit new filings. Envelopes already submitted were fine.

   START   11:38 PM AKST Fri Jan 31   =  08:38 UTC Sat Feb 1
   END     1:52 AM AKST Sat Feb 1     =  10:52 UTC Sat Feb 1

[Screenshot: Grafana "submit-api errors by worker" 08:30Z-11:00Z]
"""


def test_a_typed_start_line_beats_a_screenshot_caption_s_range(window_of):
    assert window_of(ONENOTE) == ("2025-02-01 08:38", "2025-02-01 10:52")
