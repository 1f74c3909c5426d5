using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampaignDesk.Api.Tests.Access;

namespace CampaignDesk.Api.Tests.Users;

/// <summary>
/// What a coordinator may do to people: never undo an admin's decision to disable someone, never learn from creating a
/// user that an address already has an account, nor where else that person acts.
/// </summary>
public class UserAccessTests : WorldTest
{
    private async Task<Person> VolunteerAsync(string key) => await World.CreatePersonAsync($"{key}{Guid.NewGuid():N}"[..20], "volunteer", World.OrganisationA);

    private async Task<string> EmailOfAsync(long id) =>
        (await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{id}")).GetProperty("email").GetString()!;

    [Test]
    public async Task ACoordinator_CannotEnableAgain_AVolunteerAnAdminDisabled_ButMayOneTheyDisabled()
    {
        var byAdmin = await VolunteerAsync("suspendue");
        var byCoordinator = await VolunteerAsync("absente");
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        (await World.Admin.PatchAsJsonAsync($"/api/users/{byAdmin.Id}", new { disabled = true })).EnsureSuccessStatusCode();
        (await coordinator.PatchAsJsonAsync($"/api/users/{byCoordinator.Id}", new { disabled = true })).EnsureSuccessStatusCode();

        var refused = await coordinator.PatchAsJsonAsync($"/api/users/{byAdmin.Id}", new { disabled = false });
        var allowed = await coordinator.PatchAsJsonAsync($"/api/users/{byCoordinator.Id}", new { disabled = false });
        var still = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{byAdmin.Id}");

        Assert.Multiple(async () =>
        {
            Assert.That((await refused.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString(), Is.EqualTo("user_reenable_forbidden"));
            Assert.That(still.GetProperty("disabled").GetBoolean(), Is.True);
            Assert.That(still.GetProperty("disabledBy").GetString(), Is.EqualTo("admin"));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await allowed.Content.ReadAsStringAsync());
        });
    }

    [Test]
    public async Task ACoordinatorAddingAnExistingVolunteersAddress_GetsTheAnswerOfANewAddress_WithoutTheirOtherOrganisations()
    {
        var existing = await World.CreatePersonAsync($"partagee{Guid.NewGuid():N}"[..20], "volunteer", World.OrganisationB);
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var fresh = await coordinator.PostAsJsonAsync("/api/users", new
        {
            email = $"nouvelle-{Guid.NewGuid():N}@example.org",
            displayName = "Nouvelle",
            role = "volunteer",
            organisationIds = new[] { World.OrganisationA },
        });
        var known = await coordinator.PostAsJsonAsync("/api/users", new
        {
            email = (await EmailOfAsync(existing.Id)).ToUpperInvariant(),
            displayName = "Déjà là",
            role = "volunteer",
            organisationIds = new[] { World.OrganisationA },
        });
        var freshBody = await fresh.Content.ReadFromJsonAsync<JsonElement>();
        var knownBody = await known.Content.ReadFromJsonAsync<JsonElement>();
        var seen = await coordinator.GetFromJsonAsync<JsonElement>($"/api/users/{existing.Id}");
        var listed = await coordinator.GetFromJsonAsync<JsonElement>($"/api/users?organisation={World.OrganisationB}");
        var actual = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{existing.Id}");

        Assert.Multiple(() =>
        {
            Assert.That(known.StatusCode, Is.EqualTo(fresh.StatusCode), knownBody.ToString());
            Assert.That(knownBody.EnumerateObject().Select(p => p.Name), Is.EqualTo(freshBody.EnumerateObject().Select(p => p.Name)), "the same shape");
            Assert.That(knownBody.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()), Is.EqualTo(new[] { World.OrganisationA }));
            Assert.That(seen.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()), Is.EqualTo(new[] { World.OrganisationA }));
            Assert.That(listed.GetProperty("total").GetInt64(), Is.Zero, "nor by filtering on another organisation");
            Assert.That(actual.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()),
                Is.EquivalentTo(new[] { World.OrganisationA, World.OrganisationB }), "the volunteer now helps both");
        });
    }

    [Test]
    public async Task ACoordinator_CannotLockOutAVolunteerOfAnotherOrganisation_ButMayTakeTheirOwnOrganisationBack()
    {
        var shared = await World.CreatePersonAsync($"double{Guid.NewGuid():N}"[..20], "volunteer", World.OrganisationB);
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);
        (await coordinator.PostAsJsonAsync("/api/users", new
        {
            email = await EmailOfAsync(shared.Id),
            displayName = "Double",
            role = "volunteer",
            organisationIds = new[] { World.OrganisationA },
        })).EnsureSuccessStatusCode();

        var disable = await coordinator.PatchAsJsonAsync($"/api/users/{shared.Id}", new { disabled = true });
        var tokens = await coordinator.PostAsJsonAsync($"/api/users/{shared.Id}/tokens", new { name = "x" });
        var leave = await coordinator.PatchAsJsonAsync($"/api/users/{shared.Id}", new { organisationIds = Array.Empty<long>() });
        var actual = await World.Admin.GetFromJsonAsync<JsonElement>($"/api/users/{shared.Id}");

        Assert.Multiple(async () =>
        {
            Assert.That((await disable.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString(),
                Is.EqualTo("disable_shared_volunteer_forbidden"));
            Assert.That(tokens.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "nor a token to act as them");
            Assert.That(leave.StatusCode, Is.EqualTo(HttpStatusCode.OK), await leave.Content.ReadAsStringAsync());
            Assert.That(actual.GetProperty("disabled").GetBoolean(), Is.False);
            Assert.That(actual.GetProperty("organisationIds").EnumerateArray().Select(o => o.GetInt64()), Is.EqualTo(new[] { World.OrganisationB }));
        });
    }

    [Test]
    public async Task ACoordinatorAddingTheAddressOfSomeoneElse_IsRefused_WithoutBeingToldWhoOrWhere()
    {
        using var coordinator = World.ClientFor(World.People["coordinatorA"].Token);

        var response = await coordinator.PostAsJsonAsync("/api/users", new
        {
            email = await EmailOfAsync(World.People["coordinatorB"].Id),
            displayName = "X",
            role = "volunteer",
            organisationIds = new[] { World.OrganisationA },
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("user_address_unavailable"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("This address cannot be added by a coordinator: ask an admin."));
    }
}
