-- Canned responses (a body per language, with placeholders such as {customerName}) and indexes for the
-- response-times report.

create table canned_response (
    id          uuid primary key,
    title       varchar(200) not null,
    body_he     text,
    body_en     text,
    body_ar     text,
    body_ru     text,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    updated_by  varchar(200) not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0,
    constraint canned_response_has_a_body check (coalesce(body_he, body_en, body_ar, body_ru) is not null)
);
create index canned_response_title_idx on canned_response (lower(title), id);

-- The report counts first responses and agents' answers by when they were given.
create index support_case_first_responded_idx on support_case (first_responded_at) where first_responded_at is not null;
create index case_message_author_time_idx on case_message (author, received_at);

-- A starting set for agents; managers edit or delete them through /api/v1/canned-responses.
insert into canned_response (id, title, body_he, body_en, body_ar, body_ru, created_by, created_at, updated_by, updated_at)
values
('6a0c1d2e-0001-4c3b-9a51-7d2f3e4a5b01', 'Acknowledgement: we are on it',
 'שלום {customerName}, תודה שפנית אלינו. פנייתך התקבלה ומספרה {reference}. שמי {agentName} ואני מטפל/ת בה אישית; אחזור אליך עם עדכון בהקדם.',
 'Hello {customerName}, thank you for contacting us. We have received your complaint, reference {reference}. My name is {agentName} and I am handling it personally; I will get back to you with an update shortly.',
 'مرحباً {customerName}، شكراً لتواصلك معنا. استلمنا شكواك ورقمها {reference}. اسمي {agentName} وسأتابعها شخصياً، وسأعود إليك بتحديث قريباً.',
 'Здравствуйте, {customerName}! Спасибо, что обратились к нам. Ваша жалоба получена, её номер {reference}. Меня зовут {agentName}, я лично занимаюсь ею и скоро сообщу вам новости.',
 'system', now(), 'system', now()),
('6a0c1d2e-0002-4c3b-9a51-7d2f3e4a5b02', 'Promise: fixed by the agreed time',
 'שלום {customerName}, בהמשך לפנייתך ({reference}): סיכמנו שהטיפול יושלם עד {dueAt}. אם משהו ישתנה אעדכן אותך מראש. {agentName}',
 'Hello {customerName}, following up on your complaint ({reference}): we agreed that it will be taken care of by {dueAt}. If anything changes I will tell you in advance. {agentName}',
 'مرحباً {customerName}، بخصوص شكواك ({reference}): اتفقنا على أن تتم معالجتها حتى {dueAt}. إذا تغيّر أي شيء سأبلغك مسبقاً. {agentName}',
 'Здравствуйте, {customerName}! По вашей жалобе ({reference}) мы договорились, что всё будет сделано до {dueAt}. Если что-то изменится, я заранее вам сообщу. {agentName}',
 'system', now(), 'system', now()),
('6a0c1d2e-0003-4c3b-9a51-7d2f3e4a5b03', 'Asking for details',
 'שלום {customerName}, כדי שנוכל לטפל בפנייתך ({reference}) נשמח לקבל פרטים נוספים: מספר הזמנה או חשבונית, ואם אפשר גם תמונה של המוצר. אפשר פשוט להשיב להודעה זו. תודה, {agentName}',
 'Hello {customerName}, so that we can handle your complaint ({reference}) we need a few more details: the order or invoice number and, if possible, a photo of the product. You can simply reply to this message. Thank you, {agentName}',
 null, null,
 'system', now(), 'system', now()),
('6a0c1d2e-0004-4c3b-9a51-7d2f3e4a5b04', 'Apology for the delay',
 'שלום {customerName}, אנו מתנצלים על העיכוב בטיפול בפנייתך ({reference}). הפנייה הועברה לטיפול בעדיפות גבוהה ואעדכן אותך באופן אישי ברגע שיהיו חדשות. {agentName}',
 'Hello {customerName}, we apologise for the delay in handling your complaint ({reference}). It now has high priority and I will update you personally as soon as there is news. {agentName}',
 null, null,
 'system', now(), 'system', now());
