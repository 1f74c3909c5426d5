// An official: mandates, contacts, and the timeline of interactions, positions and follow-ups the caller may read.
import { api, formatDate, formatDateTime, fullName, h, idParam, labels, mandateLabel, page, stanceBadge } from "./app.js";

const contactKinds = { email: "E-mail", phone: "Téléphone", address: "Adresse", website: "Site", twitter: "X (Twitter)" };

function link(value) {
  return /^https:\/\/[^\s]+$/i.test(value) ? h("a", { href: value, rel: "noopener noreferrer", target: "_blank" }, value) : value;
}

function contact(point) {
  const value = point.kind === "email" ? h("a", { href: `mailto:${point.value}` }, point.value) : link(point.value);
  return h("li", {}, `${contactKinds[point.kind] ?? point.kind} : `, value, h("span", { class: "discret" }, ` (source : ${point.source})`));
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
    h("p", { class: "discret" }, entry.organisationName ?? "", f.subject ? ` · « ${f.subject} »` : ""),
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

await page("Élu", async (main) => {
  const id = idParam();
  if (!id) throw new Error("Aucun élu n'est indiqué dans l'adresse.");
  const [official, timeline] = await Promise.all([api(`/api/officials/${id}`), api(`/api/officials/${id}/timeline`)]);
  const current = official.mandates.filter((m) => m.active);
  const ended = official.mandates.filter((m) => !m.active);

  document.title = `${fullName(official)} · CampaignDesk`;
  main.append(
    h("h1", {}, fullName(official)),
    h("h2", {}, "Mandats"),
    h("ul", {}, current.map((m) => h("li", {}, mandateLabel(m, official.sex),
      m.groupLabel ? ` · ${m.groupLabel}` : "", ` · depuis le ${formatDate(m.startDate)}`))),
    ended.length ? h("details", {}, h("summary", {}, `Mandats terminés (${ended.length})`),
      h("ul", {}, ended.map((m) => h("li", {}, mandateLabel(m, official.sex), ` · ${formatDate(m.startDate)} – ${formatDate(m.endDate)}`)))) : null,
    h("h2", {}, "Contacts"),
    official.contacts.filter((c) => !c.retiredUtc).length
      ? h("ul", {}, official.contacts.filter((c) => !c.retiredUtc).map(contact))
      : h("p", { class: "discret" }, "Aucun contact public connu."),
    h("h2", {}, "Historique"),
    timeline.length
      ? h("ol", { class: "frise", id: "historique" }, timeline.map(timelineEntry))
      : h("p", { class: "discret", id: "historique" }, "Aucun échange ni aucune position enregistrés pour l'instant."));
});
