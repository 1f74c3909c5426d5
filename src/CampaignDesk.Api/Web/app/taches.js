// My tasks, with the call script, and the one-minute form that logs what happened: a call that reached nobody keeps
// the task open with a new date (the API decides which outcomes do, and proposes the date); anything else closes it.
import { api, calendarControl, failure, field, formatDate, formatDateTime, h, labels, outcomeChoices, page } from "./app.js";

const channelOfKind = { call: "phone", email: "email", letter: "letter", meeting: "meeting", visit: "meeting" };

function logForm(task, onDone) {
  const channel = channelOfKind[task.kind] ?? "phone";
  const message = h("div", { "aria-live": "polite" });
  const submit = h("button", { type: "submit" }, "Enregistrer");
  const retry = h("input", { type: "date", id: `rappel-${task.id}`, name: "retryOn", value: task.proposedRetryDate ?? "" });
  const channelSelect = h("select", { id: `moyen-${task.id}`, name: "channel" },
    Object.entries(labels.channel).map(([value, text]) => h("option", { value, selected: value === channel }, text)));
  const form = h("form", {
    class: "saisie",
    "aria-label": `Ce qui s'est passé avec ${task.officialName}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      submit.disabled = true;
      message.replaceChildren();
      try {
        const closed = await api(`/api/tasks/${task.id}/complete`, {
          method: "POST",
          body: {
            channel: data.get("channel"),
            direction: "outbound",
            outcome: data.get("outcome"),
            occurredAt: new Date().toISOString(),
            notes: data.get("notes")?.trim() || null,
            confidential: data.get("confidential") === "on",
            campaignId: task.campaignId,
            retryOn: data.get("retryOn") || null,
          },
        });
        onDone(closed);
      } catch (error) {
        message.replaceChildren(failure(error));
        submit.disabled = false;
      }
    },
  },
  h("div", {}, h("label", { for: `moyen-${task.id}` }, "Moyen"), channelSelect),
  outcomeChoices(`resultat-${task.id}`, channel),
  h("div", {}, h("label", { for: `notes-${task.id}` }, "Notes (facultatif)"),
    h("textarea", { id: `notes-${task.id}`, name: "notes", maxlength: "10000", rows: "3" })),
  h("label", { class: "case", for: `confidentiel-${task.id}` },
    h("input", { type: "checkbox", id: `confidentiel-${task.id}`, name: "confidential" }),
    "Note confidentielle (lue par ma structure seulement)"),
  field("Si personne n'a répondu (message laissé, injoignable), rappeler le", retry,
    "La tâche reste alors ouverte à cette date ; sinon, elle est close."),
  message,
  h("div", { class: "actions" }, submit));
  return form;
}

function openTask(task, onDone) {
  const slot = h("div");
  const toggle = h("button", {
    type: "button",
    "aria-expanded": "false",
    onclick: () => {
      const opening = toggle.getAttribute("aria-expanded") === "false";
      toggle.setAttribute("aria-expanded", String(opening));
      slot.replaceChildren(opening ? logForm(task, onDone) : "");
      if (opening) slot.querySelector("select")?.focus();
    },
  }, "Noter ce qui s'est passé");
  return h("li", { class: `carte-bloc${task.overdue ? " en-retard" : ""}`, dataset: { task: task.id } },
    h("h3", {}, `${labels.taskKind[task.kind] ?? task.kind} `, h("a", { href: `/app/elu.html?id=${task.officialId}` }, task.officialName)),
    h("p", { class: "discret" }, `Pour ${task.organisationName} · à faire le ${formatDate(task.dueDate)}`,
      task.overdue ? h("span", { class: "retard" }, " · en retard") : null),
    task.attempts ? h("p", { class: "tentatives" }, `${task.attempts} tentative${task.attempts > 1 ? "s" : ""} sans joindre personne`,
      task.lastAttemptUtc ? ` (dernière le ${formatDateTime(task.lastAttemptUtc)})` : "") : null,
    task.instructions ? h("p", { class: "note" }, task.instructions) : null,
    task.callScript ? h("details", { class: "script" }, h("summary", {}, "Script d'appel"), h("p", { class: "note" }, task.callScript)) : null,
    toggle,
    slot);
}

function doneTask(task) {
  return h("li", { class: "carte-bloc", dataset: { task: task.id } },
    h("h3", {}, `${labels.taskKind[task.kind] ?? task.kind} `, h("a", { href: `/app/elu.html?id=${task.officialId}` }, task.officialName)),
    h("p", { class: "discret" }, `Faite le ${formatDateTime(task.closedUtc)} · ${task.organisationName}`));
}

await page("Mes tâches", async (main, user) => {
  const [open, done] = await Promise.all([
    api("/api/tasks?assignee=me&state=open&pageSize=100"),
    api("/api/tasks?assignee=me&state=done&pageSize=20"),
  ]);
  const doneTasks = [...done.items].sort((a, b) => (b.closedUtc ?? "").localeCompare(a.closedUtc ?? ""));
  const status = h("div", { "aria-live": "polite" });
  const openList = h("ul", { class: "liste", id: "a-faire" });
  const doneList = h("ul", { class: "liste", id: "faites" });
  const openHeading = h("h2", {});

  const count = () => {
    const n = openList.children.length;
    openHeading.textContent = n ? `À faire (${n})` : "À faire";
    if (!n) openList.replaceChildren(h("li", { class: "discret" }, "Rien à faire pour l'instant. Merci !"));
  };
  const closed = (task) => {
    if (task.state === "open") {
      openList.querySelector(`[data-task="${task.id}"]`)?.replaceWith(openTask(task, closed));
      status.replaceChildren(h("p", { class: "succes", role: "status" },
        `C'est noté : tâche reportée au ${formatDate(task.dueDate)} (${task.officialName}, ${task.attempts} tentative${task.attempts > 1 ? "s" : ""}).`));
      return;
    }
    openList.querySelector(`[data-task="${task.id}"]`)?.remove();
    doneList.querySelector(".discret")?.remove();
    doneList.prepend(doneTask(task));
    status.replaceChildren(h("p", { class: "succes" }, `C'est noté : tâche close (${task.officialName}). Merci !`));
    count();
    status.focus?.();
  };

  openList.append(...open.items.map((task) => openTask(task, closed)));
  doneList.append(...(doneTasks.length ? doneTasks.map(doneTask) : [h("li", { class: "discret" }, "Aucune tâche faite récemment.")]));
  main.append(h("h1", {}, "Mes tâches"), status, openHeading, openList, h("h2", {}, "Faites"), doneList,
    ...(user.id ? [h("h2", {}, "Mon agenda"), calendarControl(user.id)] : []));
  count();
});
