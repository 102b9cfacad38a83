"""Data for the multi-list benchmark: the EU DPRK transcription and generated entities.

``read_eu_csv`` turns OpenSanctions' CSV transcription of the EU DPRK annexes (a research
file, not a product list format) into a ``SanctionsList``. ``generate_entities`` makes a
list of ``count`` synthetic multi-script entities, the crowd the DPRK designees hide in on
a combined list: Korean people in Hangul with one or two romanisations (McCune–Reischauer,
Revised Romanization, hyphenated or not, family name first or last), Russian people in
Cyrillic with a transliteration, Chinese and Western people in Latin, organisations with
Korean, Russian and Chinese names, vessels with IMO numbers. Names are drawn from syllable
and word inventories, never from the lists, so a generated entity shares a designee's
name only by chance (a homonym, as on a real combined list).
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
from pathlib import Path

from rigour.text.translit import ascii_text

from sanctionwatch.resolve.designees import iso_date
from sanctionwatch.resolve.lists import (
    ORGANIZATION,
    PERSON,
    VESSEL,
    ListDocument,
    ListEntry,
    ListName,
    SanctionsList,
    _countries,
)

_SCHEMA = {"Person": PERSON, "Vessel": VESSEL}


def read_eu_csv(path: Path, *, name: str = "eu_dprk") -> SanctionsList:
    data = path.read_bytes()
    entries = []
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):

        def values(key: str, row: dict[str, str] = row) -> list[str]:
            return [v.strip() for v in (row.get(key) or "").split(";") if v.strip()]

        names = [ListName(n) for n in values("name")]
        names += [ListName(n, "good") for n in values("alias") + values("previousName")]
        names += [ListName(n, "low") for n in values("weakAlias")]
        births = [iso_date(v) for v in values("birthDate")]
        documents = [ListDocument("imo", n) for n in values("imoNumber")]
        documents += [ListDocument("passport", n) for n in values("passportNumber")]
        reference = f"{row['annex']}-{row['recordId']}"
        entries.append(
            ListEntry(
                id=f"{name}-{reference}",
                list_name=name,
                reference=reference,
                schema=_SCHEMA.get(row["schema"], ORGANIZATION),
                names=tuple(dict.fromkeys(names)),
                birth_dates=tuple(b for b in births if b),
                nationalities=_countries(values("nationality") + values("country")),
                documents=tuple(documents),
                positions=tuple(values("position")),
                listed_on=iso_date(row.get("startDate")),
                programme=row.get("programKey"),
                notes=row.get("reason") or None,
            )
        )
    sha = hashlib.sha256(data).hexdigest()
    return SanctionsList(name, sha[:16], None, "eu-csv", sha, tuple(entries))


# --- Hangul and its romanisations --------------------------------------------------------

_FAMILY = "김리이박최정강조윤장임한오서신권황안송류전홍고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부황보"
_GIVEN = (
    "철영성혁남수명광정은일호준민진석현국용금춘경복순희옥숙향란화미선애덕학주동원기"
    "태평혜봉산림룡찬익길훈세창승재무상환송욱범율건우종규식택한근열인"
)
# McCune–Reischauer-ish and Revised Romanization spellings of initials, vowels, finals.
_INI_MR = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'", "p'", "h"]  # fmt: skip
_INI_RR = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]  # fmt: skip
_VOW_MR = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"]  # fmt: skip
_VOW_RR = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]  # fmt: skip
_FIN = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip
_FAMILY_SPELLING = {"김": "Kim", "리": "Ri", "이": "Lee", "박": "Pak", "최": "Choe", "정": "Jong", "강": "Kang", "조": "Jo", "윤": "Yun", "장": "Jang", "한": "Han", "오": "O", "신": "Sin", "황": "Hwang", "안": "An", "송": "Song", "류": "Ryu", "전": "Jon", "홍": "Hong", "고": "Ko", "문": "Mun", "양": "Yang", "손": "Son", "배": "Pae", "백": "Paek", "허": "Ho", "남": "Nam", "심": "Sim", "노": "No", "하": "Ha", "성": "Song", "차": "Cha", "주": "Ju", "우": "U", "구": "Ku", "민": "Min", "진": "Jin", "지": "Ji", "엄": "Om", "채": "Chae", "원": "Won", "방": "Pang", "현": "Hyon", "함": "Ham"}  # fmt: skip


def romanise(syllable: str, *, system: str, first: bool) -> str:
    index = ord(syllable) - 0xAC00
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    ini = (_INI_RR if system == "rr" else _INI_MR)[initial]
    if system == "mr" and not first and ini in {"k", "t", "p", "ch"}:
        ini = {"k": "g", "t": "d", "p": "b", "ch": "j"}[ini]  # voiced between vowels
    if ini == "r" and first:
        ini = "r" if system == "mr" else "n"
    vow = (_VOW_RR if system == "rr" else _VOW_MR)[vowel]
    return (ini + vow + _FIN[final]).replace("'", "")


def romanise_name(family: str, given: str, rng: random.Random) -> str:
    system = rng.choice(["mr", "rr"])
    fam = _FAMILY_SPELLING.get(family) or romanise(family, system=system, first=True).title()
    parts = [romanise(s, system=system, first=i == 0) for i, s in enumerate(given)]
    style = rng.randrange(4)
    if style == 0:
        given_text = "-".join(parts).capitalize()
    elif style == 1:
        given_text = " ".join(p.capitalize() for p in parts)
    else:
        given_text = "".join(parts).capitalize()
    if rng.random() < 0.3:
        fam = fam.upper()
    return f"{given_text} {fam}" if style == 3 else f"{fam} {given_text}"


# --- other vocabularies ------------------------------------------------------------------

_RU_FIRST = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Михаил", "Иван", "Николай", "Владимир", "Олег", "Павел", "Юрий", "Игорь", "Виктор", "Евгений", "Анна", "Елена", "Ольга", "Наталья", "Ирина", "Татьяна", "Мария", "Светлана"]  # fmt: skip
_RU_LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьев", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьев", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королев", "Гусев", "Киселев", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалев", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышев", "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарев", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлев", "Овчинников", "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачев", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Еремин", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин", "Митрофанов", "Воронов", "Аксенов", "Софронов", "Мальцев", "Логинов", "Горшков", "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников", "Дёмин", "Хохлов", "Фадеев", "Молчанов", "Игнатов", "Литвинов", "Ершов", "Ушаков", "Дементьев", "Рябов", "Мухин", "Калашников", "Леонтьев", "Лобанов", "Кузин", "Корнилов", "Евдокимов", "Бородин", "Платонов", "Некрасов", "Балашов", "Бобров", "Жданов", "Блинов", "Игнатьев", "Коротков", "Муравьев", "Крюков", "Беляков", "Богомолов", "Дроздов", "Лавров", "Зуев", "Петухов", "Ларин", "Никулин", "Серов", "Терентьев", "Зотов", "Устинов", "Фокин", "Самойлов", "Константинов", "Сахаров", "Шишкин", "Самсонов", "Черкасов", "Чистяков", "Носов", "Спиридонов", "Карасев", "Авдеев", "Воронцов", "Зверев", "Владимиров", "Селезнев", "Нечаев", "Кудряшов", "Седов", "Фирсов", "Андрианов", "Панин", "Головин", "Терехов", "Ульянов", "Шестаков", "Агеев", "Никонов", "Селиванов", "Баженов", "Гордеев", "Кожевников", "Пахомов", "Зимин", "Костин", "Широков", "Филимонов", "Ларионов", "Овсянников", "Сазонов", "Суворов", "Нефедов", "Корнилов", "Любимов", "Львов", "Горбачев", "Копылов", "Лукин", "Токарев", "Кулешов", "Шилов", "Большаков", "Панкратов", "Родин", "Шаповалов", "Покровский", "Бочаров", "Никольский", "Маркин", "Горелов", "Агафонов", "Березин", "Ермолаев", "Зубков", "Куприянов", "Трифонов", "Масленников", "Круглов", "Третьяков", "Колосов", "Рожков", "Артамонов", "Шмелев", "Лаптев", "Лапшин", "Федосеев", "Зиновьев", "Зорин", "Уткин", "Столяров", "Зубов", "Ткачев", "Дорофеев", "Антипов", "Завьялов", "Свиридов", "Золотарев", "Кулаков", "Мещеряков", "Макеев", "Дьяконов", "Гуляев", "Петровский", "Бондарев", "Поздняков", "Панфилов", "Кочетков", "Суханов", "Рыжов", "Старостин", "Калмыков", "Колесов", "Золотов", "Кравцов", "Субботин", "Шубин", "Щукин", "Лосев", "Винокуров", "Лапин", "Парфенов", "Исаков", "Голованов", "Коровин", "Розанов", "Артемов", "Козырев", "Русаков", "Алешин", "Крючков", "Булгаков", "Кошелев", "Сычев", "Синицын", "Черных", "Рогов", "Кононов", "Лаврентьев", "Евсеев", "Пименов", "Пантелеев", "Горячев", "Аникин", "Лопатин", "Рудаков", "Одинцов", "Серебряков", "Панков", "Дегтярев", "Орехов", "Царев", "Шувалов", "Кондрашов", "Горюнов", "Дубровин", "Голиков", "Курочкин", "Латышев", "Севастьянов", "Вавилов", "Ерофеев", "Сальников", "Клюев", "Носков", "Озеров", "Кольцов", "Комиссаров", "Меркулов", "Киреев", "Хомяков", "Булатов", "Ананьев", "Буров", "Шапошников", "Дружинин", "Островский", "Шевелев", "Долгов", "Суслов", "Шевцов", "Пастухов", "Рубцов", "Бычков", "Глебов", "Ильинский", "Успенский", "Дьяков", "Кочетов", "Вишневский", "Высоцкий", "Глухов", "Дубов", "Бессонов", "Ситников", "Астафьев", "Мешков", "Шаров", "Яшин", "Козловский", "Туманов", "Басов", "Корчагин", "Болдырев", "Олейников", "Чумаков", "Фомичев", "Губанов", "Дубинин", "Шульгин", "Касаткин", "Пирогов", "Семин", "Трошин", "Горохов", "Стариков", "Щеглов", "Фетисов", "Колпаков", "Чесноков", "Зыков", "Верещагин", "Минаев", "Руднев", "Троицкий", "Окулов", "Ширяев", "Малинин", "Черепанов", "Измайлов", "Алехин", "Зеленин", "Касьянов", "Пугачев", "Павловский", "Чижов", "Кондратов", "Воронков", "Капустин", "Сотников", "Демьянов", "Косарев", "Беликов", "Сухарев", "Белкин", "Беспалов", "Кулагин", "Савицкий", "Жаров", "Чернышов", "Мухаметов"]  # fmt: skip
_WEST_FIRST = ["James", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Kenneth", "Joshua", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Henry", "Nathan", "Douglas", "Zachary", "Peter", "Kyle", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Anna", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia", "Julie", "Joyce", "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith", "Megan", "Cheryl", "Andrea", "Hannah", "Martha", "Jacqueline", "Frances", "Gloria", "Ann", "Teresa", "Kathryn", "Sara", "Janice", "Jean", "Alice", "Madison", "Doris", "Abigail", "Julia", "Judy", "Grace", "Denise", "Amber", "Marilyn", "Beverly", "Danielle", "Theresa", "Sophia", "Marie", "Diana", "Brittany", "Natalie", "Isabella", "Charlotte", "Rose", "Alexis", "Kayla"]  # fmt: skip
_WEST_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray", "Delgado", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence", "Sandoval"]  # fmt: skip
_PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "jiang", "cui", "zhong", "tan", "lu", "wang", "fan", "jin", "shi", "liao", "jia", "xia", "wei", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "jiang", "yin", "xue", "yan", "duan", "lei", "hou", "long", "shi", "tao", "li", "he", "gu", "mao", "hao", "gong", "shao", "wan", "qian", "yan", "tan", "wu", "dai", "mo", "kong", "xiang"]  # fmt: skip
_ORG_WORDS = ["trading", "general", "industrial", "development", "import", "export", "shipping", "mining", "machinery", "technology", "investment", "holding", "group", "logistics", "energy", "petroleum", "marine", "steel", "electronics", "chemical", "construction", "engineering", "commercial", "financial", "resources", "transport", "equipment", "metals", "joint", "venture"]  # fmt: skip
_ORG_FORMS = ["Co., Ltd.", "Corporation", "Company", "LLC", "Ltd", "Group", "JSC", "Inc."]
_RU_ORG = ["Восток", "Альфа", "Север", "Сибирь", "Ресурс", "Транс", "Торг", "Строй", "Нефть", "Газ", "Металл", "Ком", "Инвест", "Терминал", "Порт", "Флот", "Урал", "Балтика", "Дальний", "Приморье"]  # fmt: skip
_VESSEL_WORDS = ["ocean", "star", "sea", "wind", "glory", "pearl", "fortune", "light", "bright", "golden", "blue", "rainbow", "dragon", "phoenix", "harmony", "unity", "victory", "peace", "spring", "hope"]  # fmt: skip


def _korean_person(rng: random.Random) -> list[ListName]:
    family = rng.choice(_FAMILY[:30] if rng.random() < 0.8 else _FAMILY)
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice([2, 2, 2, 1])))
    names = []
    if rng.random() < 0.6:
        names.append(ListName(romanise_name(family, given, rng)))
        names.append(ListName(family + given, "original-script"))
    else:
        names.append(ListName(romanise_name(family, given, rng)))
    if rng.random() < 0.4:
        names.append(ListName(romanise_name(family, given, rng), "good"))
    return names


def _entity(i: int, rng: random.Random) -> ListEntry:
    kind = rng.random()
    schema = PERSON
    documents: tuple[ListDocument, ...] = ()
    if kind < 0.35:
        names = _korean_person(rng)
    elif kind < 0.5:
        first, last = rng.choice(_RU_FIRST), rng.choice(_RU_LAST)
        if first[-1] in "аяАЯ" and last.endswith("ов"):
            last += "а"
        names = [ListName(f"{last} {first}"), ListName(ascii_text(f"{first} {last}"), "good")]
    elif kind < 0.6:
        given = "".join(rng.choice(_PINYIN) for _ in range(rng.choice([1, 2])))
        names = [ListName(f"{rng.choice(_PINYIN).title()} {given.title()}")]
    elif kind < 0.75:
        names = [ListName(f"{rng.choice(_WEST_FIRST)} {rng.choice(_WEST_LAST)}")]
    elif kind < 0.92:
        schema = ORGANIZATION
        if rng.random() < 0.5:
            proper = "".join(rng.choice(_GIVEN) for _ in range(2))
            head = "".join(romanise(s, system="mr", first=j == 0) for j, s in enumerate(proper))
        elif rng.random() < 0.5:
            head = ascii_text(rng.choice(_RU_ORG) + rng.choice(_RU_ORG).lower())
        else:
            head = rng.choice(_PINYIN).title() + rng.choice(_PINYIN)
        words = " ".join(w.title() for w in rng.sample(_ORG_WORDS, rng.choice([1, 2])))
        names = [ListName(f"{head.title()} {words} {rng.choice(_ORG_FORMS)}")]
    else:
        schema = VESSEL
        words = " ".join(w.title() for w in rng.sample(_VESSEL_WORDS, rng.choice([1, 2])))
        names = [ListName(f"{words} {rng.randrange(1, 30)}".strip())]
        documents = (ListDocument("imo", str(rng.randrange(7_000_000, 9_999_999))),)
    births: tuple[str, ...] = ()
    if schema == PERSON and rng.random() < 0.7:
        births = (
            f"{rng.randrange(1930, 2000)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        )
    return ListEntry(
        id=f"generated-G{i}",
        list_name="generated",
        reference=f"G{i}",
        schema=schema,
        names=tuple(dict.fromkeys(names)),
        birth_dates=births,
        documents=documents,
    )


def generate_entities(count: int, *, seed: int = 1718) -> SanctionsList:
    rng = random.Random(seed)
    entries = tuple(_entity(i, rng) for i in range(count))
    return SanctionsList("generated", f"seed{seed}-{count}", None, "generated", "", entries)
