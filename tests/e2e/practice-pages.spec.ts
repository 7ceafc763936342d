/**
 * The practice pages keep the facts of the real markup that guides depend on (sources in
 * tests/fixtures/README.md): roles and names as the browser computes them, hints inside labels,
 * what is disabled or hidden until what. If a page drifts away from the real site, this fails
 * before the guides' walks start passing for the wrong reason.
 */
import { expect, test } from './fixtures';

const FC = 'https://app.franceconnect.gouv.fr/api/v2/interaction/demo';

/** The production list of FranceConnect identity providers, in display order. */
const PROVIDERS = [
  'impots.gouv.fr',
  'Ameli.fr',
  "L'Identité Numérique La Poste",
  'MSA',
  'YRIS',
  'France Identité',
  'TrustMe',
];

test('FranceConnect: each account is a button with role link, named by its caption', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(`${FC}?client=caf`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion en cours sur caf.fr');
  const accounts = page.getByTestId('main-providers').getByRole('link');
  await expect(accounts).toHaveCount(PROVIDERS.length);
  for (const [i, name] of PROVIDERS.entries()) {
    const account = accounts.nth(i);
    await expect(account).toHaveAccessibleName(name);
    expect(await account.evaluate((el) => [el.localName, el.getAttribute('type')])).toEqual([
      'button',
      'submit',
    ]);
    await expect(account).toBeEnabled();
  }
  // No button of that list has the button role.
  await expect(page.getByTestId('main-providers').getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('FranceConnect: an account that failed shows the alert; an inactive one is disabled', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(`${FC}?client=impots&erreur=laposte&indisponible=msa`);
  await expect(page.getByRole('alert')).toHaveText(
    "La connexion à L'Identité Numérique La Poste n’a pas été possible. Veuillez réessayer ou choisir un autre moyen de connexion.",
  );
  await expect(page).toHaveTitle('Erreur lors du choix du compte - FranceConnect');
  const msa = page.getByRole('link', { name: 'MSA Indisponible', exact: true });
  await expect(msa).toBeDisabled();
  // Any account but impots.gouv.fr comes back with the banner.
  await page.getByRole('link', { name: 'YRIS', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('La connexion à YRIS n’a pas été possible.');
});

test('FranceConnect consent: no box for a public service; with a required consent, the button waits for the box', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto(`${FC}/consent?client=ameli`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Vous allez vous connecter en tant que :',
  );
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Continuer sur ameli.fr' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Données transmises' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );

  await page.goto(`${FC}/consent?client=impots&consentement=obligatoire`);
  const go = page.getByRole('button', { name: 'Continuer sur impots.gouv.fr' });
  await expect(go).toBeDisabled();
  await expect(go).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Données transmises' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  // The box is named by its aria-label, not by the words of its label.
  const box = page.getByRole('checkbox', { name: 'consent', exact: true });
  await expect(box).toBeVisible();
  await expect(
    page.getByText(
      'J’accepte que FranceConnect transmette mes données au service pour me connecter',
    ),
  ).toBeVisible();
  await box.check();
  await expect(go).toBeEnabled();
  await expect(go).toHaveAttribute('aria-disabled', 'false');
  await go.click();
  await expect(page).toHaveURL(/^https:\/\/cfspart\.impots\.gouv\.fr\/enp\/accueilensupres\.do/);
});

test('impots login: hint inside the label, button named by its aria-label until 13 digits, password on the same page', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://cfspart-idp.impots.gouv.fr/oauth2/authorize?client_id=cfspart');
  const field = page.locator('#spi_tmp');
  await expect(field).toHaveAccessibleName('Numéro fiscal Format attendu : 13 chiffres');
  await expect(page.getByLabel('Numéro fiscal', { exact: true })).toHaveCount(0);
  const button = page.locator('#btnAction');
  await expect(button).toHaveAccessibleName('Pour continuer, veuillez saisir votre numéro fiscal.');
  await expect(button).toHaveText('Continuer');
  await expect(button).toHaveClass(/\bdisabled\b/);
  await expect(button).toBeEnabled();
  // The password group is in the page from the start, hidden from everyone.
  await expect(page.locator('#fg_pwd')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('textbox', { name: 'Mot de passe' })).toHaveCount(0);

  await field.fill('12ab34');
  await expect(field).toHaveValue('1234');
  await field.fill('1234567890123');
  await expect(button).toHaveAccessibleName('Continuer');
  await button.click();
  await expect(page.locator('#fg_pwd')).toHaveAttribute('aria-hidden', 'false');
  await expect(page.getByLabel('Mot de passe', { exact: true })).toBeFocused();
  await expect(button).toHaveAccessibleName('Se connecter');
  await expect(page).toHaveURL(/cfspart-idp\.impots\.gouv\.fr\/oauth2\/authorize/);
});

test('partners offer the FranceConnect button of the State design system', async ({ context }) => {
  const page = await context.newPage();
  for (const url of [
    'https://cfspart-idp.impots.gouv.fr/oauth2/authorize?client_id=cfspart',
    'https://ameliconnect.ameli.fr/oauth2/authorize?client_id=compte_AS',
  ]) {
    await page.goto(url);
    const button = page.getByRole('button', { name: 'S’identifier avec FranceConnect' });
    await expect(button).toHaveClass('fr-connect');
    await expect(page.getByRole('link', { name: 'Qu’est-ce que FranceConnect ?' })).toHaveAttribute(
      'target',
      '_blank',
    );
    await button.click();
    await expect(page).toHaveURL(/^https:\/\/app\.franceconnect\.gouv\.fr\/api\/v2\/interaction\//);
  }
});

test('ameli: image submit « Me connecter », then the code is requested before it is typed', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://ameliconnect.ameli.fr/oauth2/authorize?client_id=compte_AS');
  const submit = page.getByRole('button', { name: 'Me connecter', exact: true });
  expect(await submit.evaluate((el) => [el.localName, el.getAttribute('type')])).toEqual([
    'input',
    'image',
  ]);
  await page.locator('#userfield').fill('1');
  await page.locator('#passwordfield').fill('x');
  await submit.click();
  await expect(page.locator('#blocEnvoyerOTP #BoutonGenerationOTP')).toBeVisible();
  await expect(page.getByLabel('Chiffre 1')).toHaveCount(0);
  await page.locator('#BoutonGenerationOTP').click();
  await expect(page.getByLabel('Chiffre 1')).toBeVisible();

  // The entry page has two links with one id, and the consent banner's two buttons.
  await page.goto(
    'https://assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_nfpb=true&_pageLabel=as_login_page',
  );
  await expect(page.locator('[id="id_r_cnx_btn_code"]')).toHaveText([
    'Connectez-vous',
    'Créez votre compte',
  ]);
  await page.locator('#idWAaccepter').click();
  await expect(page.locator('#idWArefuser')).toBeHidden();
});

test('France Travail: « Connexion » opens the menu; the cookie notice lives in a shadow root', async ({
  context,
}) => {
  const page = await context.newPage();
  await page.goto('https://www.francetravail.fr/accueil/');
  const candidate = page.locator('a.menu-link-candidat');
  await expect(candidate).toBeHidden();
  const open = page.getByRole('button', { name: 'Connexion', exact: true });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await expect(candidate).toBeVisible();
  expect(
    await page.evaluate(() => {
      const root = document.querySelector('pe-cookies')?.shadowRoot;
      return [
        root?.getElementById('pecookies-continue-btn')?.textContent,
        root?.getElementById('pecookies-accept-all')?.textContent,
        document.getElementById('pecookies-continue-btn'),
      ];
    }),
  ).toEqual(['Continuer sans accepter', 'Tout accepter', null]);
  await page.getByRole('button', { name: 'Continuer sans accepter' }).click();
  await expect(page.locator('pe-cookies')).toBeHidden();
});

test('optional second-factor screens come only when asked for', async ({ context }) => {
  const page = await context.newPage();
  const caf = 'https://connect.caf.fr/connexionappli/dist/';
  for (const [query, mfa] of [
    ['', false],
    ['?mfa=1', true],
  ] as const) {
    await page.goto(`${caf}${query}#/login`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('#nir').fill('1');
    await page.locator('#inputMotDePasse').fill('x');
    await page.locator('#form-connexion').getByRole('button', { name: 'Se connecter' }).click();
    if (mfa) {
      // As the Caf describes it: the code is first asked for, then typed in.
      await expect(page.locator('app-mfa')).toBeVisible();
      await expect(page.getByLabel('Code de vérification')).toBeHidden();
      await page.getByRole('button', { name: 'Envoyer le code' }).click();
      await expect(page.getByLabel('Code de vérification')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Envoyer le code' })).toBeHidden();
    } else await expect(page).toHaveURL(/wwwd\.caf\.fr\/wps\/myportal\/caffr\/moncompte\//);
  }

  const ft =
    'https://authentification-candidat.francetravail.fr/connexion/XUI/?realm=%2Findividu&verification=1#login/';
  await page.goto(ft);
  await page.locator('#identifiant').fill('x');
  await page.getByRole('button', { name: 'Poursuivre' }).click();
  await page.locator('#password').fill('x');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByLabel('Code de vérification')).toBeVisible();
  await expect(page.locator('#submit')).toHaveText('Valider');
});
