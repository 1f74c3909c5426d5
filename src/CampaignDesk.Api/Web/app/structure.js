// An organisation: its élus, and where the chosen campaign stands with each of them.
import { api, fullName, h, idParam, mandateLabel, page, stanceBadge } from "./app.js";

/** not contacted / contacted (by us, or by others only) / answered, as text with its class. */
function outreachStatus(outreach) {
  if (!outreach || !outreach.contacted) return ["Pas encore contacté·e", "statut-aucun"];
  if (outreach.responded) return ["A répondu", "statut-repondu"];
  if (!outreach.contactedByOrganisation) return ["Contacté·e par d'autres structures", "statut-contacte"];
  return [outreach.reached ? "Contacté·e, joint·e" : "Contacté·e, sans réponse", "statut-contacte"];
}

function row(official) {
  const [status, css] = outreachStatus(official.outreach);
  return h("tr", { dataset: { official: official.officialId } },
    h("td", {}, h("a", { href: `/app/elu.html?id=${official.officialId}` }, fullName(official))),
    h("td", {}, mandateLabel(official.mandate, official.sex), official.mandate.groupLabel ? h("br") : null,
      official.mandate.groupLabel ? h("span", { class: "discret" }, official.mandate.groupLabel) : null),
    official.outreach ? h("td", {}, h("span", { class: `badge ${css}` }, status)) : null,
    official.outreach ? h("td", {}, stanceBadge(official.outreach.stance)) : null);
}

/** A campaign's title, with « (terminée) » once it has ended. */
function campaignTitle(campaign) {
  return campaign.status === "ended" ? `${campaign.title} (terminée)` : campaign.title;
}

await page("Structure", async (main) => {
  const id = idParam();
  if (!id) throw new Error("Aucune structure n'est indiquée dans l'adresse.");
  // The campaigns that run first, then those that ended (their results stay worth reading); drafts and archives apart.
  const [organisation, active, ended] = await Promise.all([api(`/api/organisations/${id}`), api("/api/campaigns?status=active"),
    api("/api/campaigns?status=ended")]);
  const theirs = [...active.items, ...ended.items].filter((c) => c.organisationIds.includes(Number(id)));
  const chosen = theirs.find((c) => String(c.id) === idParam("campagne")) ?? theirs[0];
  const officials = await api(`/api/organisations/${id}/officials${chosen ? `?campaign=${chosen.id}` : ""}`);

  document.title = `${organisation.name} · CampaignDesk`;
  main.append(h("h1", {}, organisation.name),
    h("p", { class: "discret" }, [organisation.communeName, organisation.departmentCode ? `(${organisation.departmentCode})` : null].filter(Boolean).join(" ")));

  if (theirs.length > 1) {
    const select = h("select", { id: "campagne", name: "campagne" }, theirs.map((c) => h("option", { value: c.id, selected: c === chosen }, campaignTitle(c))));
    main.append(h("form", { method: "get", action: "/app/structure.html" },
      h("input", { type: "hidden", name: "id", value: id }),
      h("label", { for: "campagne" }, "Campagne"), select, h("button", { type: "submit", class: "secondaire" }, "Afficher")));
  } else if (chosen) {
    main.append(h("p", {}, "Campagne : ", h("a", { href: `/app/campagne.html?id=${chosen.id}` }, campaignTitle(chosen))));
  }

  if (chosen) {
    const counts = { aucun: 0, contacte: 0, repondu: 0 };
    for (const o of officials) {
      if (!o.outreach.contacted) counts.aucun++;
      else if (o.outreach.responded) counts.repondu++;
      else counts.contacte++;
    }
    main.append(h("div", { class: "chiffres" },
      h("p", { class: "chiffre" }, h("strong", {}, String(officials.length)), "élus"),
      h("p", { class: "chiffre" }, h("strong", {}, String(counts.aucun)), "pas encore contactés"),
      h("p", { class: "chiffre" }, h("strong", {}, String(counts.contacte)), "contactés"),
      h("p", { class: "chiffre" }, h("strong", {}, String(counts.repondu)), "ont répondu")));
  }

  main.append(h("h2", {}, "Ses élus"));
  main.append(officials.length
    ? h("div", { class: "defile" }, h("table", { id: "elus" },
      h("caption", { class: "discret" }, chosen ? `Où en est « ${chosen.title} » avec chacun` : "Les élus de son territoire"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Élu"), h("th", { scope: "col" }, "Mandat"),
        chosen ? h("th", { scope: "col" }, "Statut") : null, chosen ? h("th", { scope: "col" }, "Position") : null)),
      h("tbody", {}, officials.map(row))))
    : h("p", {}, "Aucun élu trouvé pour son territoire (commune ou circonscription inconnue ?)."));
  if (!chosen) main.append(h("p", { class: "discret" }, `Aucune campagne en cours ne compte ${organisation.name}.`));
});
