// Every page is this one document (index.html): the address says which page module draws it.
const pages = {
  "/app/": "./accueil.js",
  "/app/index.html": "./accueil.js",
  "/app/connexion.html": "./connexion.js",
  "/app/taches.html": "./taches.js",
  "/app/elu.html": "./elu.js",
  "/app/structure.html": "./structure.js",
  "/app/campagne.html": "./campagne.js",
  "/app/tri.html": "./tri.js",
  "/app/propositions.html": "./propositions.js",
  "/app/veille.html": "./veille.js",
  "/app/recherche.html": "./recherche.js",
  "/app/equipe.html": "./equipe.js",
  "/app/appareils.html": "./appareils.js",
  "/app/campagnes.html": "./campagnes.js",
  "/app/campagne-reglages.html": "./campagne-reglages.js",
  "/app/modeles.html": "./modeles.js",
  "/app/imports.html": "./imports.js",
  "/app/federation.html": "./federation.js",
  "/app/synthese.html": "./synthese.js",
  "/app/personnes.html": "./personnes.js",
  "/app/journal.html": "./journal.js",
};

await import(pages[location.pathname] ?? "./accueil.js");
