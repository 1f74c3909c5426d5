using CampaignDesk.Core.Common;
using CampaignDesk.Core.Organisations;

namespace CampaignDesk.Core.Tests.Organisations;

public class OrganisationValidatorTests
{
    [Test]
    public void Normalise_StructureWithOnlyItsCommune_CompletesDepartmentAndRegion()
    {
        var (fields, errors) = Normalise(new OrganisationFields(" structure ", "MSP", "  MSP du Neuhof ", "67482", "Strasbourg"));

        Assert.That(errors, Is.Empty);
        Assert.That(fields, Is.EqualTo(new OrganisationFields("structure", "msp", "MSP du Neuhof", "67482", "Strasbourg", "67", "44", null, fields.ParentIds)));
    }

    [TestCase("2A004", "2A", "94")]
    [TestCase("2b033", "2B", "94")]
    [TestCase("97105", "971", "01")]
    [TestCase("97411", "974", "04")]
    [TestCase("01004", "01", "84")]
    public void Normalise_OverseasCorsicaAndPaddedCodes_FindTheirDepartment(string commune, string department, string region)
    {
        var (fields, errors) = Normalise(new OrganisationFields("structure", "msp", "MSP", commune));

        Assert.That(errors, Is.Empty);
        Assert.That((fields.DepartmentCode, fields.RegionCode), Is.EqualTo((department, region)));
    }

    [Test]
    public void Normalise_OverseasCollectivity_HasADepartmentCodeButNoRegion()
    {
        var (fields, errors) = Normalise(new OrganisationFields("structure", "centre_sante", "Centre de santé", "97801"));

        Assert.That(errors, Is.Empty);
        Assert.That((fields.DepartmentCode, fields.RegionCode), Is.EqualTo(("978", (string?)null)));
    }

    [Test]
    public void Normalise_UnpaddedDepartmentOfAFederation_IsPadded()
    {
        var (fields, errors) = Normalise(new OrganisationFields("federation", "federation", "Fédération de l'Ain", DepartmentCode: "1"));

        Assert.That(errors, Is.Empty);
        Assert.That((fields.DepartmentCode, fields.RegionCode), Is.EqualTo(("01", "84")));
    }

    [Test]
    public void Normalise_EverythingWrong_NamesEachField()
    {
        var (_, errors) = Normalise(new OrganisationFields("club", "msp", new string('x', 201), "7505", null, null, "99", "not-an-address", [0]));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "type", "name", "communeInsee", "regionCode", "mailbox", "parentIds" }));
    }

    [Test]
    public void Normalise_MissingRequiredFields_NamesThem()
    {
        var (_, errors) = Normalise(new OrganisationFields(null, null, " "));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "type", "kind", "name" }));
    }

    [Test]
    public void Normalise_StructureWithoutCommune_IsRefused()
    {
        var (_, errors) = Normalise(new OrganisationFields("structure", "msp", "MSP"));

        Assert.That(errors.Keys, Is.EqualTo(new[] { "communeInsee" }));
    }

    [Test]
    public void Normalise_KindOfTheOtherType_IsRefused()
    {
        var (_, errors) = Normalise(new OrganisationFields("federation", "msp", "Fédération"));

        Assert.That(errors["kind"].Single().ToString(), Does.Contain("federation").And.Contain("network"));
    }

    [Test]
    public void Normalise_DepartmentOrRegionThatContradictsTheCommune_IsRefused()
    {
        var (_, wrongDepartment) = Normalise(new OrganisationFields("structure", "msp", "MSP", "31555", DepartmentCode: "34"));
        var (_, wrongRegion) = Normalise(new OrganisationFields("structure", "msp", "MSP", "31555", RegionCode: "11"));

        Assert.That(wrongDepartment["departmentCode"].Single().ToString(), Does.Contain("31"));
        Assert.That(wrongRegion["regionCode"].Single().ToString(), Does.Contain("76"));
    }

    [TestCase("contact@casedesante.org", true)]
    [TestCase("Contact@CaseDeSante.ORG", true)]
    [TestCase("contact@localhost", false)]
    [TestCase("Case de Santé <contact@casedesante.org>", false)]
    [TestCase("contact@@casedesante.org", false)]
    public void Normalise_Mailbox_AcceptsOnlyAPlainAddress(string mailbox, bool valid)
    {
        var (fields, errors) = Normalise(new OrganisationFields("federation", "network", "Réseau", Mailbox: mailbox));

        Assert.That(errors.ContainsKey("mailbox"), Is.EqualTo(!valid));
        if (valid)
        {
            Assert.That(fields.Mailbox, Is.EqualTo(mailbox.ToLowerInvariant()));
        }
    }

    private static (OrganisationFields Fields, IDictionary<string, Message[]> Errors) Normalise(OrganisationFields input)
    {
        var errors = new Errors();
        var fields = OrganisationValidator.Normalise(input, errors);
        return (fields, errors.ToDictionary());
    }
}
