// People: users and invitations (admins: every role; coordinators: their volunteers), roles and structures, disable
// and enable, tokens for scripts, and for admins each structure's sending mailbox. The API decides who sees whom.
import { api, failure, field, formatDate, formatDateTime, h, labels, page, select } from "./app.js";

const roles = Object.entries(labels.userRole);

/** Runs a change, showing its error in place; then redraws the page's lists. */
async function attempt(slot, work) {
  slot.replaceChildren();
  try {
    await work();
  } catch (error) {
    slot.replaceChildren(failure(error));
    return false;
  }
  return true;
}

function organisationsPicker(id, organisations, chosen = []) {
  return h("select", { id, name: "organisationIds", multiple: true, size: String(Math.min(6, Math.max(2, organisations.length))) },
    organisations.map((o) => h("option", { value: o.id, selected: chosen.includes(o.id) }, o.name)));
}

const picked = (select) => [...select.selectedOptions].map((o) => Number(o.value));

function tokensPanel(person) {
  const list = h("ul", { class: "liste" });
  const slot = h("div", { "aria-live": "polite" });
  const load = async () => {
    const tokens = (await api(`/api/users/${person.id}/tokens`)).filter((t) => !t.revokedUtc);
    list.replaceChildren(...(tokens.length ? tokens.map((t) => h("li", {},
      `${t.name} · ${t.prefix}… · créé le ${formatDate(t.createdUtc)}`, t.expiresUtc ? ` · expire le ${formatDate(t.expiresUtc)}` : "",
      t.lastUsedUtc ? ` · dernier usage ${formatDateTime(t.lastUsedUtc)}` : " · jamais utilisé", " ",
      h("button", {
        type: "button", class: "lien", "aria-label": `Révoquer le jeton ${t.name} de ${person.displayName}`,
        onclick: () => attempt(slot, async () => { await api(`/api/users/${person.id}/tokens/${t.id}`, { method: "DELETE" }); await load(); }),
      }, "Révoquer"))) : [h("li", { class: "discret" }, "Aucun jeton en cours.")]));
  };
  const name = h("input", { id: `jeton-nom-${person.id}`, name: "name", required: true, maxlength: "100", value: "script" });
  const days = h("input", { id: `jeton-jours-${person.id}`, name: "expiresInDays", type: "number", min: "1", max: "365", value: "90", required: true });
  const form = h("form", {
    class: "ligne",
    onsubmit: (event) => {
      event.preventDefault();
      attempt(slot, async () => {
        const issued = await api(`/api/users/${person.id}/tokens`, { method: "POST", body: { name: name.value, expiresInDays: Number(days.value) } });
        slot.replaceChildren(h("p", {}, "Copiez ce jeton maintenant : il ne sera plus jamais affiché."), h("p", { class: "jeton-neuf" }, issued.token));
        await load();
      });
    },
  }, field("Nom du jeton", name), field("Valable (jours)", days), h("button", { type: "submit", class: "secondaire" }, "Créer un jeton"));
  const panel = h("details", { ontoggle: (event) => { if (event.target.open && !list.childElementCount) attempt(slot, load); } },
    h("summary", {}, "Jetons pour les scripts"), list, form, slot);
  return panel;
}

function rolePanel(person, organisations, redraw) {
  const role = select(`role-${person.id}`, "role", roles, person.role);
  const orgs = organisationsPicker(`structures-${person.id}`, organisations, person.organisationIds);
  const slot = h("div", { "aria-live": "polite" });
  return h("details", {}, h("summary", {}, "Rôle et structures"),
    h("form", {
      onsubmit: (event) => {
        event.preventDefault();
        attempt(slot, () => api(`/api/users/${person.id}`, { method: "PATCH", ifMatch: person.version, body: { role: role.value, organisationIds: picked(orgs) } }))
          .then((ok) => ok && redraw());
      },
    }, field("Rôle", role), field("Structures", orgs, "Ctrl ou Maj pour en choisir plusieurs."), h("button", { type: "submit", class: "secondaire" }, "Enregistrer")),
    slot);
}

function personItem(person, user, names, organisations, redraw) {
  const slot = h("div", { "aria-live": "polite" });
  const toggle = person.id === user.id ? null : h("button", {
    type: "button", class: "secondaire", dataset: { action: person.disabled ? "activer" : "desactiver" },
    "aria-label": `${person.disabled ? "Réactiver" : "Désactiver"} ${person.displayName}`,
    onclick: () => attempt(slot, () => api(`/api/users/${person.id}`, { method: "PATCH", ifMatch: person.version, body: { disabled: !person.disabled } }))
      .then((ok) => ok && redraw()),
  }, person.disabled ? "Réactiver" : "Désactiver");
  return h("li", { class: person.disabled ? "personne desactive" : "personne", dataset: { user: person.id } },
    h("h3", {}, person.displayName),
    h("p", {}, person.email, ` · ${labels.userRole[person.role] ?? person.role}`,
      person.organisationIds.length ? ` · ${person.organisationIds.map((o) => names.get(o) ?? `Structure ${o}`).join(", ")}` : ""),
    person.disabled ? h("p", { class: "badge" }, person.disabledBy === "coordinator" ? "Désactivé·e par sa coordination" : "Désactivé·e") : null,
    toggle ? h("div", { class: "actions" }, toggle) : null, slot,
    user.role === "admin" ? rolePanel(person, organisations, redraw) : null,
    tokensPanel(person));
}

function inviteForm(user, organisations, redraw) {
  const slot = h("div", { "aria-live": "polite" });
  const email = h("input", { id: "invitation-adresse", name: "email", type: "email", required: true, autocomplete: "off" });
  const name = h("input", { id: "invitation-nom", name: "displayName", required: true, maxlength: "200" });
  const role = select("invitation-role", "role", user.role === "admin" ? roles : [["volunteer", labels.userRole.volunteer]], "volunteer");
  const orgs = organisationsPicker("invitation-structures", organisations, organisations.length === 1 ? [organisations[0].id] : []);
  return h("form", {
    id: "inviter",
    onsubmit: (event) => {
      event.preventDefault();
      const form = event.currentTarget;
      attempt(slot, () => api("/api/invitations", { method: "POST", body: { email: email.value, displayName: name.value, role: role.value, organisationIds: picked(orgs) } }))
        .then((ok) => {
          if (!ok) return;
          slot.replaceChildren(h("p", { class: "succes", role: "status" }, `Invitation envoyée à ${email.value}.`));
          form.reset();
          redraw();
        });
    },
  }, field("Adresse e-mail", email), field("Nom affiché", name), field("Rôle", role), field("Structures", orgs, "Ctrl ou Maj pour en choisir plusieurs."),
  h("button", { type: "submit" }, "Envoyer l'invitation"), slot);
}

function invitationsList(invitations, names, redraw) {
  if (!invitations.length) return h("p", { class: "discret", id: "invitations" }, "Aucune invitation en attente.");
  const slot = h("div", { "aria-live": "polite" });
  return h("div", {}, h("ul", { class: "liste", id: "invitations" }, invitations.map((i) => h("li", { class: "personne" },
    h("p", {}, h("strong", {}, i.displayName), ` · ${i.email} · ${labels.userRole[i.role] ?? i.role}`,
      i.organisationIds.length ? ` · ${i.organisationIds.map((o) => names.get(o) ?? `Structure ${o}`).join(", ")}` : ""),
    h("p", { class: "discret" }, `Envoyée le ${formatDateTime(i.createdUtc)}${i.invitedBy ? ` par ${i.invitedBy}` : ""}, valable jusqu'au ${formatDateTime(i.expiresUtc)}`),
    h("button", {
      type: "button", class: "lien", "aria-label": `Annuler l'invitation de ${i.displayName}`,
      onclick: () => attempt(slot, () => api(`/api/invitations/${i.id}`, { method: "DELETE" })).then((ok) => ok && redraw()),
    }, "Annuler l'invitation")))), slot);
}

function mailboxes(structures) {
  return h("details", { id: "boites" }, h("summary", {}, `Boîtes d'envoi des structures (${structures.length})`),
    h("p", { class: "discret" }, "L'adresse d'où partent les relances de chaque structure (Microsoft 365)."),
    h("ul", { class: "liste" }, structures.map((o) => {
      const slot = h("span", { "aria-live": "polite" });
      const input = h("input", { id: `boite-${o.id}`, name: "mailbox", type: "email", value: o.mailbox ?? "", autocomplete: "off" });
      let version = o.version;
      return h("li", {}, h("form", {
        class: "ligne",
        onsubmit: (event) => {
          event.preventDefault();
          attempt(slot, async () => {
            const saved = await api(`/api/organisations/${o.id}`, { method: "PATCH", ifMatch: version, body: { mailbox: input.value || null } });
            version = saved.version;
            slot.replaceChildren(h("span", { class: "discret" }, "Enregistrée."));
          });
        },
      }, field(o.name, input), h("button", { type: "submit", class: "secondaire", "aria-label": `Enregistrer la boîte de ${o.name}` }, "Enregistrer"), slot));
    })));
}

await page("Personnes", async (main, user) => {
  if (user.role !== "admin" && user.role !== "coordinator") {
    main.append(h("h1", {}, "Personnes"), h("p", {}, "Cette page est réservée aux administrateurs et aux coordinateurs."));
    return;
  }
  const query = new URLSearchParams(location.search);
  const q = query.get("q") ?? "";
  const role = query.get("role") ?? "";
  const list = h("div", {});
  const invites = h("div", {});
  const all = (await api("/api/organisations?pageSize=500")).items;
  const names = new Map(all.map((o) => [o.id, o.name]));
  const mine = user.role === "admin" ? all : all.filter((o) => user.organisationIds.includes(o.id));

  async function redraw() {
    const params = new URLSearchParams({ pageSize: "200" });
    if (q) params.set("q", q);
    if (role) params.set("role", role);
    const [people, invitations] = await Promise.all([api(`/api/users?${params}`), api("/api/invitations")]);
    list.replaceChildren(h("p", { class: "discret" }, `${people.total} personne${people.total > 1 ? "s" : ""}${people.total > people.items.length ? ` (les ${people.items.length} premières)` : ""}`),
      h("ul", { class: "liste", id: "personnes" }, people.items.map((p) => personItem(p, user, names, mine, redraw))));
    invites.replaceChildren(invitationsList(invitations, names, redraw));
  }

  main.append(...[h("h1", {}, "Personnes"),
    user.role === "admin" ? h("p", {}, h("a", { href: "/app/journal.html" }, "Journal des modifications")) : null,
    h("form", { method: "get", action: "/app/personnes.html", class: "ligne", role: "search" },
      field("Nom ou adresse", h("input", { id: "recherche-personne", name: "q", type: "search", value: q })),
      user.role === "admin" ? field("Rôle", select("filtre-role", "role", [["", "Tous"], ...roles], role)) : null,
      h("button", { type: "submit", class: "secondaire" }, "Filtrer")),
    h("h2", {}, user.role === "admin" ? "Utilisateurs" : "Les personnes de vos structures"), list,
    h("h2", {}, "Invitations en attente"), invites,
    h("details", {}, h("summary", {}, "Inviter quelqu'un"), inviteForm(user, mine, redraw)),
    user.role === "admin" ? mailboxes(all.filter((o) => o.type === "structure")) : null].filter(Boolean));
  await redraw();
});
