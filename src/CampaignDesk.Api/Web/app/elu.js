// An official: mandates, contacts, what to do next and the forms to do it (log a contact, schedule a follow-up, record a
// position, give a volunteer a task: only those the API says the caller may use), and the timeline the caller may read.
import {
  api, failure, field, formatDate, formatDateTime, fullName, h, idParam, labels, mandateLabel, mapLink, nextActionLine, outcomeChoices, page,
  phoneLink, select, stanceBadge, statusBadge, todayInParis,
} from "./app.js";
import { followUpForm, taskForm } from "./lot.js";

const contactKinds = { email: "E-mail", phone: "Téléphone", postal: "Adresse", web: "Site" };
const contactUses = { office: "bureau", circonscription: "permanence", mairie: "mairie", personal: "personnel" };

function link(value, display) {
  return /^https:\/\/[^\s]+$/i.test(value)
    ? h("a", { href: value, rel: "noopener noreferrer", target: "_blank" }, display || value, h("span", { class: "visuellement-cache" }, " (nouvel onglet)"))
    : display || value;
}

/** A contact point as the directory gives it: what it is, whose office it reaches, the link to follow, its source and date. */
function contact(point) {
  const value = point.kind === "email" ? h("a", { href: `mailto:${point.value}` }, point.display || point.value)
    : point.kind === "phone" ? phoneLink(point.value, point.display)
      : point.kind === "postal" && point.href ? mapLink(point.href, point.display || point.value)
        : link(point.href || point.value, point.display);
  const use = point.commune ? ` (mairie de ${point.commune.name})` : contactUses[point.use] ? ` (${contactUses[point.use]})` : "";
  const source = point.sourceDate ? `${point.source}, ${formatDate(point.sourceDate)}` : point.source;
  return h("li", { dataset: { kind: point.kind, use: point.use ?? "" } }, `${contactKinds[point.kind] ?? point.kind}${use} : `, value,
    h("span", { class: "discret" }, ` (source : ${source})`));
}

function interactionEntry(entry) {
  const i = entry.interaction;
  const way = i.direction === "inbound" ? "Reçu" : labels.channel[i.channel] ?? i.channel;
  return [
    h("h3", {}, `${way} · ${labels.outcome[i.outcome] ?? i.outcome}`),
    h("p", { class: "discret" }, entry.organisationName ?? "", i.confidential ? " · confidentiel" : "", ` · noté par ${i.loggedBy}`),
    i.notes ? h("p", { class: "note" }, i.notes) : null,
  ];
}

function positionEntry(entry) {
  const p = entry.position;
  return [
    h("h3", {}, `${labels.positionKind[p.kind] ?? p.kind} `, stanceBadge(p.stance)),
    p.summary ? h("p", { class: "note" }, p.summary) : null,
    p.source ? h("p", { class: "discret" }, "Source : ", link(p.source)) : null,
  ];
}

function followUpEntry(entry) {
  const f = entry.followUp;
  return [
    h("h3", {}, `Relance par e-mail · ${labels.followUpState[f.state] ?? f.state}`),
    h("p", { class: "discret" }, entry.organisationName ?? "", f.subject ? ` · « ${f.subject} »` : "",
      f.state === "scheduled" ? ` · départ prévu le ${formatDateTime(f.dueUtc)}` : ""),
  ];
}

function timelineEntry(entry) {
  const body = entry.type === "interaction" ? interactionEntry(entry)
    : entry.type === "position" ? positionEntry(entry)
      : entry.type === "followup" || entry.followUp ? followUpEntry(entry) : [h("h3", {}, entry.summary)];
  return h("li", { dataset: { type: entry.type } },
    h("p", { class: "quand" }, entry.type === "position" ? formatDate(entry.at.slice(0, 10)) : formatDateTime(entry.at)),
    body,
    entry.webLink ? h("p", {}, h("a", { href: entry.webLink, rel: "noopener noreferrer", target: "_blank" }, "Ouvrir le message dans Outlook")) : null);
}

function timeline(entries) {
  return entries.length
    ? h("ol", { class: "frise", id: "historique" }, entries.map(timelineEntry))
    : h("p", { class: "discret", id: "historique" }, "Aucun échange ni aucune position enregistrés pour l'instant.");
}

/** Sends a form's body to the API; the answer goes to done(), a refusal under the form. */
function submitting(form, button, message, send, done) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.replaceChildren();
    try {
      done(await send(new FormData(form)));
    } catch (error) {
      message.replaceChildren(failure(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function contactForm(official, actions, refresh) {
  const message = h("div", { "aria-live": "polite" });
  const button = h("button", { type: "submit" }, "Enregistrer le contact");
  const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const form = h("form", { class: "saisie", "aria-label": "Noter un contact" },
    field("Moyen", select("contact-moyen", "channel", Object.entries(labels.channel), "phone")),
    outcomeChoices("contact-resultat", "phone"),
    field("Quand", h("input", { type: "datetime-local", id: "contact-quand", name: "occurredAt", value: now, max: now })),
    field("Notes (facultatif)", h("textarea", { id: "contact-notes", name: "notes", rows: "3", maxlength: "10000" })),
    h("p", { class: "case" }, h("input", { type: "checkbox", id: "contact-confidentiel", name: "confidential" }),
      h("label", { for: "contact-confidentiel" }, "Note confidentielle (lue par ma structure seulement)")),
    message, h("div", { class: "actions" }, button));
  return submitting(form, button, message, (data) => api("/api/interactions", {
    method: "POST",
    body: {
      organisationId: actions.organisationId, officialId: official.id, campaignId: actions.campaignId, channel: data.get("channel"),
      direction: "outbound", outcome: data.get("outcome"), notes: data.get("notes")?.trim() || null, confidential: data.get("confidential") === "on",
      occurredAt: data.get("occurredAt") ? new Date(data.get("occurredAt")).toISOString() : null,
    },
  }), (logged) => {
    form.reset();
    const others = logged.othersRecently?.length
      ? ` Déjà contacté·e récemment par : ${logged.othersRecently.map((o) => o.organisationName).join(", ")}.` : "";
    message.replaceChildren(h("p", { class: "succes", role: "status" }, `Contact enregistré.${others}`));
    refresh();
  });
}

function positionForm(official, actions, refresh) {
  const message = h("div", { "aria-live": "polite" });
  const button = h("button", { type: "submit" }, "Enregistrer la position");
  const form = h("form", { class: "saisie", "aria-label": "Enregistrer une position" },
    field("Nature", select("position-nature", "kind", Object.entries(labels.positionKind), "public_statement")),
    field("Date", h("input", { type: "date", id: "position-date", name: "statedOn", required: true, value: todayInParis() })),
    h("fieldset", { class: "choix" }, h("legend", {}, "Position"), ["supports", "neutral", "opposes", "unknown"].map((stance, index) =>
      h("label", { for: `position-${stance}` }, h("input", { type: "radio", id: `position-${stance}`, name: "stance", value: stance, required: index === 0 }),
        labels.stance[stance]))),
    field("Résumé", h("textarea", { id: "position-resume", name: "summary", rows: "3", maxlength: "4000" })),
    field("Source : lien ou citation", h("input", { type: "text", id: "position-source", name: "source", maxlength: "2000" }),
      "Obligatoire pour une déclaration publique, une question, un amendement, un vote ou un courrier cosigné."),
    message, h("div", { class: "actions" }, button));
  return submitting(form, button, message, (data) => api("/api/positions", {
    method: "POST",
    body: {
      officialId: official.id, campaignId: actions.campaignId, organisationId: actions.organisationId, kind: data.get("kind"),
      statedOn: data.get("statedOn"), stance: data.get("stance"), summary: data.get("summary")?.trim() || null, source: data.get("source")?.trim() || null,
    },
  }), () => {
    form.reset();
    message.replaceChildren(h("p", { class: "succes", role: "status" }, "Position enregistrée."));
    refresh();
  });
}

/** The forms the API lets the caller use, for the organisation and campaign chosen. */
function actionPanels(official, actions, refresh) {
  const panels = [];
  const panel = (id, title, form) => panels.push(h("details", { id, class: "action" }, h("summary", {}, title), form));
  if (actions.may.logContact && actions.campaignId) panel("noter", "Noter un contact", contactForm(official, actions, refresh));
  if (actions.may.scheduleFollowUp) {
    panel("relance", "Programmer une relance", followUpForm("relance", actions, () => ({ officialIds: [official.id] }), refresh));
  }
  if (actions.may.recordPosition) panel("position", "Enregistrer une position", positionForm(official, actions, refresh));
  if (actions.may.assignTask && actions.assignees.length) {
    panel("confier", "Confier à un·e bénévole", taskForm("tache", actions, () => ({ officialId: official.id }), false, refresh));
  }
  return panels;
}

function chooser(actions, id) {
  if (actions.organisations.length <= 1 && actions.campaigns.length <= 1) return null;
  return h("form", { method: "get", action: "/app/elu.html", class: "ligne" },
    h("input", { type: "hidden", name: "id", value: id }),
    actions.organisations.length > 1 ? field("Au nom de", select("structure", "structure", actions.organisations.map((o) => [o.id, o.name]), actions.organisationId)) : null,
    actions.campaigns.length > 1 ? field("Campagne", select("campagne", "campagne", actions.campaigns.map((c) => [c.id, c.title]), actions.campaignId)) : null,
    h("button", { type: "submit", class: "secondaire" }, "Changer"));
}

await page("Élu", async (main, user) => {
  const id = idParam();
  if (!id) throw new Error("Aucun élu n'est indiqué dans l'adresse.");
  const query = [idParam("structure") ? `organisation=${idParam("structure")}` : null, idParam("campagne") ? `campaign=${idParam("campagne")}` : null]
    .filter(Boolean).join("&");
  const [official, entries, actions] = await Promise.all([api(`/api/officials/${id}`), api(`/api/officials/${id}/timeline`),
    user.role === "observer" ? null : api(`/api/officials/${id}/actions${query ? `?${query}` : ""}`)]);
  const current = official.mandates.filter((m) => m.active);
  const ended = official.mandates.filter((m) => !m.active);
  const contacts = official.contacts.filter((c) => !c.retiredUtc);
  const history = h("div", {}, timeline(entries));
  const refresh = async () => history.replaceChildren(timeline(await api(`/api/officials/${id}/timeline`)));

  document.title = `${fullName(official)} · CampaignDesk`;
  main.append(h("h1", {}, fullName(official)),
    h("ul", { class: "liste mandats" }, current.map((m) => h("li", {}, mandateLabel(m, official.sex),
      m.groupLabel ? h("span", { class: "discret" }, ` · ${m.groupLabel}`) : null))));
  if (actions?.outreach) {
    const organisation = actions.organisations.find((o) => o.id === actions.organisationId);
    main.append(h("div", { class: "carte-bloc situation", id: "situation" },
      h("p", {}, statusBadge(actions.outreach), " ", stanceBadge(actions.outreach.stance),
        organisation ? h("span", { class: "discret" }, ` · pour ${organisation.name}`) : null),
      nextActionLine(actions.nextAction)));
  }

  main.append(h("h2", {}, "Contacts"),
    contacts.length ? h("ul", { id: "contacts" }, contacts.map(contact)) : h("p", { class: "discret", id: "contacts" }, "Aucun contact public connu."));

  if (actions) {
    const panels = actionPanels(official, actions, refresh);
    main.append(...[h("h2", {}, "Agir"), chooser(actions, id)].filter(Boolean));
    main.append(...(panels.length ? panels : [h("p", { class: "discret" }, actions.organisationId
      ? "Aucune campagne en cours avec cette structure : rien à noter pour l'instant."
      : "Vous n'agissez pour aucune structure participant à une campagne en cours.")]));
  }

  main.append(...[h("h2", {}, "Historique"), history,
    h("h2", {}, "Mandats"),
    h("ul", {}, current.map((m) => h("li", {}, mandateLabel(m, official.sex), m.groupLabel ? ` · ${m.groupLabel}` : "",
      m.startDate ? ` · depuis le ${formatDate(m.startDate)}` : ""))),
    ended.length ? h("details", {}, h("summary", {}, `Mandats terminés (${ended.length})`),
      h("ul", {}, ended.map((m) => h("li", {}, mandateLabel(m, official.sex), ` · ${formatDate(m.startDate)} – ${formatDate(m.endDate)}`)))) : null,
  ].filter(Boolean));
});
