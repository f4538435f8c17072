"""The platform dump's classes: each class's fields in Lombok's printed order, with a kind.

Read off the real record (examples/article.txt) and the team's dump-format notes §3.
Kinds (see :mod:`.lombok`):

``t``  free text (anything, up to the next field's separator)
``n``  a number (``-?digits[.digits]``) or ``null``
``b``  ``true``/``false``/``null``
``q``  an IDE ``toString`` value: ``'text'`` in single quotes, or a bare number/``null``
``j``  JSON (``{"copyright":""}``) or, failing that, text
``*``  anything: null, an object, a list, a map, or text
``o:Class``  an object of that class, or null
``l:Class``  a list of objects of that class, or null (``l:*``: any elements)
``m:Class``  a map ``{KEY=Class(...), ...}``, or null

Lombok prints every declared field, in declaration order, so the field after ``title=`` in
an ``ArticleExt`` is always ``columnId=``; that is what lets a reader find where an unquoted
value ends.

Both parsers read this schema and nothing else: the careful one (:mod:`.lombok`) knows every
kind; the fast one (:mod:`.fast`) compiles the kinds it can and leaves any other to the careful
one (its pattern for such a field never matches).  A kind not listed above is an error here,
at import, never a field read some other way.
"""

from __future__ import annotations

# Fields that hold numbers (ids, epoch milliseconds, flags).  Typed fields make a wrong
# split fail at once, which is what resolves most ambiguities.
_NUMERIC = frozenset(
    [
        "id",
        "tenantId",
        "journalId",
        "issueId",
        "articleId",
        "authorId",
        "siteId",
        "columnId",
        "orderNo",
        "pdfFileSize",
        "onlineType",
        "articleFormat",
        "receivedDate",
        "revisedDate",
        "acceptedDate",
        "onlineDate",
        "pubDate",
        "doiRegisterDate",
        "onlineIssueDate",
        "onlineJustAcceptDate",
        "onlineFirstDate",
        "createTime",
        "updateTime",
        "createdTime",
        "updatedTime",
        "status",
        "dead",
        "correspondingAuthor",
        "authorType",
        "beforeIssueId",
        "nextIssueId",
        "issueComplete",
        "articleOrder",
        "issueType",
        "delFlag",
        "oaType",
        "type",
        "tplId",
    ]
)
_BOOLEAN = frozenset({"collectionFlag", "collectFlag"})

_STRUCTURED: dict[tuple[str, str], str] = {
    ("Article", "issue"): "o:Issue",
    ("Article", "ext"): "m:ArticleExt",
    ("Article", "authors"): "l:Author",
    ("Article", "keywords"): "*",
    ("Article", "refs"): "*",
    ("Article", "funds"): "*",
    ("Article", "companyList"): "*",
    ("Article", "figs"): "*",
    ("Article", "attaches"): "*",
    ("Article", "journal"): "o:Journal",
    ("Issue", "preIssue"): "*",
    ("Issue", "nextIssue"): "*",
    ("Issue", "ext"): "m:IssueExt",
    ("Issue", "issueFiles"): "*",
    ("Author", "ext"): "m:AuthorExt",
    ("Author", "companyList"): "*",
    ("Journal", "exts"): "l:JournalExt",
    ("Journal", "databaseList"): "*",
    ("Journal", "websiteList"): "l:Website",
    ("Journal", "option"): "j",
    ("JournalExt", "option"): "j",
    ("Website", "props"): "l:WebsiteProps",
}

#: Classes printed by an IDE-generated toString: ``Name{field='text', ...}``.
IDE_CLASSES = frozenset({"Issue"})
#: Fields of IDE classes printed in single quotes (Strings; ``'null'`` for null).
QUOTED_FIELDS: dict[str, frozenset[str]] = {
    "Issue": frozenset({"year", "volume", "issue", "pageStart", "pageEnd", "issueExtLink", "onlineDate", "pubDate"}),
}

_FIELDS: dict[str, str] = {
    "Article": """id tenantId journalId issueId articleNumber orderNo doi pmid cstr oa hot price onlineType
        articleFormat articleType articleTypeStr receivedDate receivedDateStr revisedDate revisedDateStr acceptedDate
        acceptedDateStr onlineDate onlineDateStr pubDate pubDateStr doiRegisterDate doiRegisterDateStr onlineIssueDate
        onlineIssueDateStr onlineJustAcceptDate onlineJustAcceptDateStr onlineFirstDate onlineFirstDateStr sourceXml
        magXml createTime creator updateTime updator issue startPage endPage ext authors keywords refs funds companyList
        figs attaches journal detailUrlCn detailUrlEn pdfUrlCn pdfUrlEn aliStartDate aliEndDate collectionFlag
        citedCount citedUrl reference""",
    "Issue": """id tenantId journalId year volume issue pageStart pageEnd issueExtLink onlineDate pubDate beforeIssueId
        nextIssueId price status issueComplete articleOrder issueType specialIssue createTime creator updateTime updator
        preIssue nextIssue ext issueFiles""",
    "IssueExt": """id tenantId journalId issueId language specialIssueTitle coverIllustrator specialIssueEditor
        specialIssueAbout""",
    "ArticleExt": """id articleId tenantId journalId language title columnId journalTitle columnName runingTitle
        highlight articleAbstract correspAuthors authorNote correspAuthorsNote copyrightStatement copyrightOwner extLink
        articleAbsUrl sourceXml magXml pdfUrl pdf pdfFileSize pdfExtLink richHtmlUrl mobilePdfUrl reviewReport
        pdfFirstPage abstractGraph abstractGraphContent abstractVideo citation cebUrl magXmlContent mapNumber
        authorCompany fund authors authorsList""",
    "Author": """id tenantId journalId articleId orderNo firstName middleName lastName nameCn orcid stid country authorPic
        dead email emailSecond emailThird correspondingAuthor authorType ext companyList""",
    "AuthorExt": """id tenantId journalId articleId authorId language stringName firstName middleName lastName prefix
        suffix authorComment nameInitials affiliation department xref address bio bioImg bioContent aboutCorrespAuthor""",
    "Journal": """id delFlag nameCn nameEn nameHistory1 nameHistory2 issn eissn cn coden periodic language oaType ccby
        superviseOffice ownerOffice pubOffice editorOffice officeType aims clcCode officeProv officeCity officeAddr
        officeZip officeEmail officePhone editDirector officeDirector officeDirectorPhone officeStaffNum officeEmpNum
        coverPicUrl journalPrice startedYear abbrevIsoEn journalRemark publicationField createdTime updatedTime
        createdBy updatedBy firstLetterCn firstLetterEn subjectCode subjectName subjectCodeEn subjectNameEn picCn picEn
        jcr cjcr exts databaseList tenantJournalId websiteList journalTitle weixinUrl journalUrl iacademicId status
        seqNo journalTitleEn journalPhotoCn journalPhotoEn journalFirstLetter journalRecommend journalNew
        journalCollection jcrJf cjcrJf jcrJfStr cjcrJfStr submissionFirstDecision sciSubjectClassification
        casSubjectClassification citeScore totalCitationFrequency icpCode psCode advertisingLicenseCode
        copyrightInformation country option provinceCode provinceName collectFlag""",
    "JournalExt": """id language name nameHistory1 nameHistory2 managedBy sponsoredBy publishedBy editorOffice
        officeProv officeCity officeAddr officeZip editDirector officeDirector officePhone coverPicUrl journalRemark
        submitArticleUrl websiteUrl createdTime updatedTime createdBy updatedBy submissionGuidelinesUrl
        submissionAuthorUrl submissionEditorUrl submissionReviewUrl submissionCeEditorUrl submissionAeEditorUrl option""",
    "Website": """id webName webTitle webDomain webCopyrigh webIpcNo seoTitle seoKeywords seoDescription tenantJournalId
        journalId journalNameCn journalNameEn grayFlag tenantId platformId journalGroupId journalGroupNameCn
        journalGroupNameEn type domain language createTime createBy updateTime updateBy name tplId title delFlag
        indexPage props""",
    "WebsiteProps": "id tenantId journalId journalGroupId siteId code value createTime updateTime creator updator",
    # Modeled, not observed (the dump-format notes §3): element classes of keywords/funds/refs/companyList.
    "ArticleKeyword": "id tenantId journalId articleId language keyword orderNo",
    "ArticleFund": "id tenantId journalId articleId language fundName fundNo orderNo",
    "ArticleRef": "id tenantId journalId articleId orderNo refType citation doi pmid url language",
    "Company": "id tenantId journalId articleId orderNo xref ext",
    "CompanyExt": "id companyId language name address country zipCode",
}


#: Kinds that are complete as they are, and kinds that name a class after a colon.
SCALAR_KINDS = frozenset({"t", "n", "b", "q", "j", "*"})
CLASS_KINDS = frozenset({"o", "l", "m"})


def check_kind(kind: str) -> str:
    """``kind`` when it is one of the kinds above naming a class of the schema; else ValueError."""
    tag, _, cls = kind.partition(":")
    if kind in SCALAR_KINDS or (tag in CLASS_KINDS and (cls in _FIELDS or (tag == "l" and cls == "*"))):
        return kind
    raise ValueError(f"unknown field kind {kind!r} in the dump schema")


def opener(cls: str) -> str:
    """How an object of ``cls`` starts: ``Cls(``, or ``Cls{`` for an IDE-printed class."""
    return cls + ("{" if cls in IDE_CLASSES else "(")


def value_starts(cls: str) -> tuple[str, str]:
    """What the value of an element of a typed map or list starts with: the object, or ``null``.

    The dump-format notes' rule 3 (structured values are typed): ``Author.ext`` values are
    ``AuthorExt(``, so in ``aboutCorrespAuthor=Prof. (Dr.), CN=fake), CN=AuthorExt(`` the first
    ``, CN=`` does not open an entry and the text runs on.  Both parsers use this.
    """
    return (opener(cls), "null")


def _kind(cls: str, field: str) -> str:
    if (cls, field) in _STRUCTURED:
        return check_kind(_STRUCTURED[(cls, field)])
    if field in QUOTED_FIELDS.get(cls, ()):
        return "q"
    if cls == "Company" and field == "ext":
        return "m:CompanyExt"
    if field in _NUMERIC:
        return "n"
    if field in _BOOLEAN:
        return "b"
    return "t"


#: class name -> ((field, kind), ...) in printed order.
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    cls: tuple((field, _kind(cls, field)) for field in names.split()) for cls, names in _FIELDS.items()
}

#: Classes whose values citations never use past a given field: the reader stops reading
#: their fields there and skips to the object's end (found from what must follow it).
#: Journal: only nameCn, nameEn, issn, eissn, cn (the first nine fields) matter.
SKIM_AFTER: dict[str, str] = {"Journal": "cn"}
