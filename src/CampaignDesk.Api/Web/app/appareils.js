// « Mes appareils »: the browsers where a sign-in link opened a session, and « Déconnecter cet appareil ».
import { api, failure, formatDateTime, h, page, signOut } from "./app.js";

const signedInWith = { invitation: "par une invitation", link: "par un lien reçu par e-mail" };

function card(session, list) {
  const message = h("div", { "aria-live": "polite" });
  const button = h("button", {
    type: "button",
    class: "secondaire",
    "aria-label": `Déconnecter cet appareil : ${session.device}${session.current ? " (celui-ci)" : ""}`,
    onclick: async () => {
      button.disabled = true;
      message.replaceChildren();
      if (session.current) {
        signOut();
        return;
      }
      try {
        await api(`/api/me/sessions/${session.id}`, { method: "DELETE" });
        item.remove();
        list.dispatchEvent(new Event("change"));
      } catch (error) {
        message.replaceChildren(failure(error));
        button.disabled = false;
      }
    },
  }, "Déconnecter cet appareil");
  const item = h("li", { class: "carte-bloc", dataset: { session: session.id } },
    h("h2", {}, session.device, session.current ? [" ", h("span", { class: "badge statut-repondu" }, "Cet appareil")] : null),
    h("p", {}, `Connecté ${signedInWith[session.signedInWith] ?? ""} le ${formatDateTime(session.createdUtc)}`),
    h("p", { class: "discret" }, `Dernière activité : ${formatDateTime(session.lastSeenUtc)}. Sans activité, la session prend fin le ${formatDateTime(session.expiresUtc)}.`),
    message,
    h("p", {}, button));
  return item;
}

await page("Mes appareils", async (main, user) => {
  const sessions = await api("/api/me/sessions");
  const list = h("ul", { class: "liste", id: "appareils" });
  const empty = h("p", { class: "discret" }, "Aucun appareil n'est connecté par un lien en ce moment.");
  list.append(...sessions.map((s) => card(s, list)));
  list.addEventListener("change", () => { empty.hidden = list.children.length > 0; });
  empty.hidden = sessions.length > 0;
  main.append(...[
    h("h1", {}, "Mes appareils"),
    h("p", {}, "Les navigateurs où vous vous êtes connecté·e avec un lien reçu par e-mail. Un appareil perdu ou prêté ? Déconnectez-le ici."),
    user.session ? null : h("p", { class: "discret" }, "Sur ce navigateur, vous êtes connecté·e avec un jeton d'accès ou avec Microsoft, pas par un lien."),
    list,
    empty,
  ].filter(Boolean));
});
