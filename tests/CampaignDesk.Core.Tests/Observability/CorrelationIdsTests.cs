using CampaignDesk.Core.Observability;

namespace CampaignDesk.Core.Tests.Observability;

public class CorrelationIdsTests
{
    [TestCase("abc-123")]
    [TestCase("import-2026.run:7")]
    [TestCase("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void IsValid_ShortSafeIds_AreKept(string id) => Assert.That(CorrelationIds.IsValid(id), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("two words")]
    [TestCase("line\nbreak")]
    [TestCase("quote\"")]
    [TestCase("é")]
    [TestCase("<script>")]
    public void IsValid_UnsafeOrEmptyIds_AreRefused(string? id) => Assert.That(CorrelationIds.IsValid(id), Is.False);

    [Test]
    public void IsValid_MoreThan64Characters_IsRefused() =>
        Assert.That((CorrelationIds.IsValid(new string('a', 64)), CorrelationIds.IsValid(new string('a', 65))), Is.EqualTo((true, false)));

    [Test]
    public void New_IsAGuid_WhichToGuidKeeps()
    {
        var id = CorrelationIds.New();

        Assert.That(CorrelationIds.ToGuid(id).ToString("D"), Is.EqualTo(id));
    }

    [Test]
    public void ToGuid_OfAnIdThatIsNotAGuid_IsItsVersion5Guid()
    {
        // Python: uuid.uuid5(uuid.UUID('6f1a2b8e-3c4d-5e6f-8a9b-0c1d2e3f4a5b'), 'abc-123')
        Assert.That(CorrelationIds.ToGuid("abc-123"), Is.EqualTo(new Guid("8dab0869-2d9f-59af-8c96-21f5c6107ea8")));
        Assert.That(CorrelationIds.ToGuid("abc-124"), Is.Not.EqualTo(CorrelationIds.ToGuid("abc-123")));
    }
}
