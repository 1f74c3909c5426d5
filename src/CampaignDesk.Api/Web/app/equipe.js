// The coordinator's team: who has what to do, what is overdue, and each member's calendar address to copy.
import { api, calendarControl, formatDate, h, idParam, labels, page, select, field } from "./app.js";

function member(person, tasks) {
  const theirs = tasks.filter((t) => t.assigneeUserId === person.userId);
  return h("li", { class: "carte-bloc", dataset: { user: person.userId } },
    h("h3", {}, person.displayName, h("span", { class: "discret" }, ` · ${labels.userRole[person.role] ?? person.role}`)),
    h("p", {}, `${person.openTasks} tâche${person.openTasks > 1 ? "s" : ""} à faire`,
      person.overdueTasks ? h("span", { class: "retard" }, ` dont ${person.overdueTasks} en retard`) : null,
      ` · ${person.doneRecently} faite${person.doneRecently > 1 ? "s" : ""} en 30 jours`),
    theirs.length ? h("ul", {}, theirs.map((t) => h("li", { class: t.overdue ? "en-retard" : null },
      `${labels.taskKind[t.kind] ?? t.kind} `, h("a", { href: `/app/elu.html?id=${t.officialId}` }, t.officialName),
      ` · pour le ${formatDate(t.dueDate)}`, t.overdue ? h("span", { class: "retard" }, " (en retard)") : null,
      t.attempts ? h("span", { class: "discret" }, ` · ${t.attempts} tentative${t.attempts > 1 ? "s" : ""}`) : null))) : null,
    h("details", {}, h("summary", {}, "Adresse d'agenda"), calendarControl(person.userId, `l'agenda de ${person.displayName}`)));
}

await page("Équipe", async (main, user) => {
  const id = idParam() ?? user.organisationIds[0];
  if (!id) throw new Error("Aucune structure n'est indiquée dans l'adresse.");
  const [organisation, team, open] = await Promise.all([api(`/api/organisations/${id}`), api(`/api/organisations/${id}/team`),
    api(`/api/tasks?organisation=${id}&state=open&pageSize=100`)]);
  document.title = `Équipe de ${organisation.name} · CampaignDesk`;
  const overdue = open.items.filter((t) => t.overdue).length;
  main.append(h("h1", {}, `Équipe de ${organisation.name}`));
  if (user.organisationIds.length > 1) {
    main.append(h("form", { method: "get", action: "/app/equipe.html", class: "ligne" },
      field("Structure", select("structure", "id", user.organisationIds.map((o) => [o, o === Number(id) ? organisation.name : `Structure ${o}`]), id)),
      h("button", { type: "submit", class: "secondaire" }, "Afficher")));
  }
  main.append(h("div", { class: "chiffres" },
    h("p", { class: "chiffre" }, h("strong", {}, String(open.total)), "tâches à faire"),
    h("p", { class: overdue ? "chiffre retard" : "chiffre" }, h("strong", {}, String(overdue)), "en retard"),
    h("p", { class: "chiffre" }, h("strong", {}, String(team.length)), "membres")),
  h("h2", {}, "Qui a quoi"),
  team.length ? h("ul", { class: "liste", id: "equipe" }, team.map((p) => member(p, open.items)))
    : h("p", { class: "discret" }, "Aucun bénévole ni coordinateur pour cette structure."),
  h("p", {}, h("a", { href: `/app/structure.html?id=${id}` }, "Confier des tâches depuis la page de la structure")),
  h("p", {}, h("a", { href: "/app/personnes.html" }, "Inviter un·e bénévole, désactiver un compte, gérer les jetons")));
});
